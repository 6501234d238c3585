using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reporting.CaseManagement.Staff.Accounts;
using Reporting.CaseManagement.Staff.Authorization;
using Reporting.CaseManagement.Staff.Passwords;
using Reporting.CaseManagement.Workbench.Pages;

using Reporting.CaseManagement.Contracts.Workbench;

namespace Reporting.CaseManagement.Workbench.Administration;

/// <summary>
/// The administrator's pages: the accounts, their roles, disabling, and a new second factor. Every change goes through
/// <see cref="AccountAdministration"/>, as <c>reporting users</c> does, so it is an event on the account's stream and a
/// line on the audit trail, and it ends the account's sessions and tokens at once.
/// </summary>
public static class AdministrationEndpoints
{
    /// <summary>What the administrator typed into the new-account form (never the password, which is not shown back).</summary>
    public sealed record NewAccountForm(string Username, string DisplayName, string Organization, IReadOnlyList<string> Roles, string Password);

    internal static void Map(RouteGroupBuilder staff)
    {
        var users = staff.MapGroup("/users").RequireAuthorization(StaffPolicies.Administer);
        users.MapGet("", ListAsync);
        users.MapGet("/new", (HttpContext http) => WorkbenchPages.Render<NewUserPage>(http, new { Form = new NewAccountForm("", "", "", [], ""), Errors = NoErrors }));
        users.MapPost("", AddAsync);
        users.MapGet("/{username}", UserAsync);
        users.MapPost("/{username}/roles", RolesAsync);
        users.MapPost("/{username}/disable", DisableAsync);
        users.MapPost("/{username}/totp", ResetTotpAsync);
    }

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private static async Task<IResult> ListAsync(HttpContext http, IStaffAccounts accounts, CancellationToken cancellationToken)
    {
        var all = (await accounts.ListAsync(cancellationToken)).OrderBy(account => account.Username, StringComparer.Ordinal).ToList();
        return WorkbenchPages.Render<UsersPage>(http, new { Accounts = (IReadOnlyList<StaffAccount>)all });
    }

    private static async Task<IResult> UserAsync(string username, string? done, HttpContext http, IStaffAccounts accounts, CancellationToken cancellationToken) =>
        await accounts.FindAsync(username, cancellationToken) is { } account
            ? WorkbenchPages.Render<UserPage>(http, new { Account = account, Done = done is "roles" or "disable" ? done : null, Error = (string?)null })
            : WorkbenchPages.NotFound(http);

    private static async Task<IResult> AddAsync(HttpContext http, AccountAdministration administration, IStaffAccounts accounts, CancellationToken cancellationToken)
    {
        var page = PageContext.Of(http);
        var posted = await http.Request.ReadFormAsync(cancellationToken);
        var form = new NewAccountForm(posted["username"].ToString().Trim(), posted["displayName"].ToString().Trim(), posted["organization"].ToString().Trim(),
            [.. posted["roles"].OfType<string>().Distinct(StringComparer.Ordinal)], posted["password"].ToString());
        var validation = await new NewAccountValidator(page, accounts).ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
            return WorkbenchPages.Render<NewUserPage>(http, new { Form = form with { Password = "" }, Errors = (IReadOnlyDictionary<string, string[]>)Cases.CaseRules.Errors(validation) },
                StatusCodes.Status400BadRequest);
        try
        {
            var setup = await administration.AddAsync(form.Username, form.DisplayName, form.Organization, form.Roles, form.Password, CurrentStaff.Username(http)!, cancellationToken);
            return WorkbenchPages.Render<EnrolmentPage>(http, new { Username = form.Username, Setup = setup, New = true });
        }
        catch (AdministrationException refused)
        {
            // Another administrator took the name between the check and the write.
            return WorkbenchPages.Render<NewUserPage>(http, new { Form = form with { Password = "" }, Errors = (IReadOnlyDictionary<string, string[]>)new Dictionary<string, string[]> { ["username"] = [refused.Message] } },
                StatusCodes.Status409Conflict);
        }
    }

    /// <summary>The roles ticked replace the account's roles: each one added is granted, each one cleared revoked.</summary>
    private static async Task<IResult> RolesAsync(string username, HttpContext http, AccountAdministration administration, IStaffAccounts accounts, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(username, cancellationToken) is not { } account)
            return WorkbenchPages.NotFound(http);
        var posted = await http.Request.ReadFormAsync(cancellationToken);
        var wanted = posted["roles"].OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (!wanted.IsSubsetOf(StaffRoles.All))
            return Refused(http, account, ("请从列表中选择角色。", "Choose the roles from the list."));
        var by = CurrentStaff.Username(http)!;
        // An administrator cannot take away their own administration: the office would be left with nobody to give it back.
        if (username == by && !wanted.Contains(StaffRoles.Admin))
            return Refused(http, account, ("不能撤销自己的管理员角色。请由另一名管理员办理。", "You cannot take away your own administrator role; another administrator must."));
        try
        {
            foreach (var role in wanted.Except(account.Roles))
                await administration.GrantAsync(username, role, by, cancellationToken);
            foreach (var role in account.Roles.Except(wanted))
                await administration.RevokeAsync(username, role, by, cancellationToken);
        }
        catch (AdministrationException)
        {
            return Changed(http, account);
        }
        return TypedResults.Redirect($"/staff/users/{Uri.EscapeDataString(username)}?done=roles");
    }

    private static async Task<IResult> DisableAsync(string username, HttpContext http, AccountAdministration administration, IStaffAccounts accounts, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(username, cancellationToken) is not { } account)
            return WorkbenchPages.NotFound(http);
        var posted = await http.Request.ReadFormAsync(cancellationToken);
        if (username == CurrentStaff.Username(http))
            return Refused(http, account, ("不能停用自己的账号。请由另一名管理员办理。", "You cannot disable your own account; another administrator must."));
        if (posted["confirmed"] != "yes")
            return Refused(http, account, ("请勾选确认后再停用账号。", "Tick the confirmation before disabling the account."));
        try
        {
            await administration.DisableAsync(username, CurrentStaff.Username(http)!, cancellationToken);
        }
        catch (AdministrationException)
        {
            return Changed(http, account);
        }
        return TypedResults.Redirect($"/staff/users/{Uri.EscapeDataString(username)}?done=disable");
    }

    /// <summary>The new secret is shown once, on this answer to the post, and never again: the page is not cached and has no address of its own.</summary>
    private static async Task<IResult> ResetTotpAsync(string username, HttpContext http, AccountAdministration administration, IStaffAccounts accounts, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(username, cancellationToken) is not { } account)
            return WorkbenchPages.NotFound(http);
        var posted = await http.Request.ReadFormAsync(cancellationToken);
        if (posted["confirmed"] != "yes")
            return Refused(http, account, ("请勾选确认后再重置动态口令。", "Tick the confirmation before resetting the second factor."));
        try
        {
            var setup = await administration.ResetTotpAsync(username, CurrentStaff.Username(http)!, cancellationToken);
            return WorkbenchPages.Render<EnrolmentPage>(http, new { Username = username, Setup = setup, New = false });
        }
        catch (AdministrationException)
        {
            return Changed(http, account);
        }
    }

    private static IResult Refused(HttpContext http, StaffAccount account, (string Zh, string En) error) =>
        WorkbenchPages.Render<UserPage>(http, new { Account = account, Done = (string?)null, Error = (string?)PageContext.Of(http).T(error) }, StatusCodes.Status400BadRequest);

    private static IResult Changed(HttpContext http, StaffAccount account) => WorkbenchPages.Message(http, StatusCodes.Status409Conflict,
        ("账号已被他人修改", "The account changed meanwhile"), ("另一名管理员刚刚修改了这个账号，未作任何更改。请重新打开后再办理。", "Another administrator changed this account just now; nothing was changed. Open it again and retry."),
        $"/staff/users/{Uri.EscapeDataString(account.Username)}");

    private sealed class NewAccountValidator : AbstractValidator<NewAccountForm>
    {
        public NewAccountValidator(PageContext page, IStaffAccounts accounts)
        {
            RuleFor(form => form.Username).Must(UsernameRules.IsValid)
                .WithMessage(page.T("用户名为 3 至 64 个字符，以小写字母开头，只含小写字母、数字和 . - _", UsernameRules.Description))
                .MustAsync(async (username, cancellationToken) => await accounts.FindAsync(username, cancellationToken) is null)
                .WithMessage(page.T("已有同名账号", "An account of that name exists already"));
            RuleFor(form => form.DisplayName).NotEmpty().WithMessage(page.T("请填写姓名", "Give the person's name")).MaximumLength(100)
                .WithMessage(page.T("姓名不超过 100 个字符", "At most 100 characters"));
            RuleFor(form => form.Organization).NotEmpty().WithMessage(page.T("请填写所在部门", "Give the person's office")).MaximumLength(100)
                .WithMessage(page.T("部门名称不超过 100 个字符", "At most 100 characters"));
            RuleFor(form => form.Roles).NotEmpty().WithMessage(page.T("请至少选择一个角色", "Choose at least one role"))
                .Must(roles => roles.All(StaffRoles.All.Contains)).WithMessage(page.T("请从列表中选择角色", "Choose the roles from the list"));
            RuleFor(form => form.Password).Must((form, password) => PasswordPolicy.Refusal(password, form.Username) is null)
                .WithMessage((form, password) => page.English ? PasswordPolicy.Refusal(password, form.Username) : Chinese(PasswordPolicy.Refusal(password, form.Username)!));
        }

        /// <summary>The policy's refusals in Chinese, one for each of its reasons.</summary>
        private static string Chinese(string refusal) => refusal switch
        {
            _ when refusal.Contains("at least", StringComparison.Ordinal) => $"密码至少 {PasswordPolicy.MinimumLength} 个字符",
            _ when refusal.Contains("at most", StringComparison.Ordinal) => $"密码不超过 {PasswordPolicy.MaximumLength} 个字符",
            _ when refusal.Contains("username", StringComparison.Ordinal) => "密码不能包含用户名",
            _ => "密码过于常见，请另选一个自己的长句子",
        };
    }
}
