using Reporting.CaseManagement.Staff.Audit;
using Reporting.CaseManagement.Staff.Authorization;
using Reporting.CaseManagement.Staff.Passwords;
using Reporting.CaseManagement.Staff.SigningIn;
using Reporting.CaseManagement.Staff.Tokens;
using Reporting.CaseManagement.Staff.Totp;

namespace Reporting.CaseManagement.Staff.Accounts;

/// <summary>
/// What an administrator does to accounts (<c>reporting users …</c>). Every change is an event on the account's
/// stream and an entry in the audit trail; roles, disabling and second-factor resets revoke the account's tokens at once.
/// </summary>
public sealed class AccountAdministration(
    IStaffAccounts accounts,
    IPasswordHashing hashing,
    ISecretWrapping wrapping,
    IAuditTrail audit,
    StaffTokenOptions options,
    TimeProvider time)
{
    /// <summary>Creates the account with its roles and password, and enrols its second factor.</summary>
    public async Task<TotpSetup> AddAsync(string username, string displayName, string organization, IReadOnlyCollection<string> roles,
        string password, string by, CancellationToken cancellationToken)
    {
        if (!UsernameRules.IsValid(username))
            throw new AdministrationException(UsernameRules.Description);
        if (roles.FirstOrDefault(role => !StaffRoles.All.Contains(role)) is { } unknown)
            throw new AdministrationException($"{unknown} is not a role; roles are {string.Join(", ", StaffRoles.All)}.");
        if (PasswordPolicy.Refusal(password, username) is { } refusal)
            throw new AdministrationException(refusal);
        if (await accounts.FindAsync(username, cancellationToken) is not null)
            throw new AdministrationException($"An account named {username} exists already.");

        var now = time.GetUtcNow();
        var enrolment = TotpEnrolment.Create(options.TotpIssuer, username);
        List<object> events = [.. roles.Distinct().Select(role => new RoleGranted(role, by, now))];
        events.Add(new PasswordChanged(hashing.Hash(password), now));
        events.Add(new TotpEnrolled(wrapping.Wrap(enrolment.Secret, SignIn.TotpPurpose), now));
        await accounts.CreateAsync(new AccountCreated(username, displayName, organization, now), events, cancellationToken);
        await RecordAsync(by, "user-add", username, cancellationToken);
        return new TotpSetup(enrolment.Uri, enrolment.TerminalQrCode());
    }

    public async Task DisableAsync(string username, string by, CancellationToken cancellationToken) =>
        await ChangeAsync(username, by, "user-disable", account => account.Disabled ? [] : [new AccountDisabled(by, time.GetUtcNow())], cancellationToken);

    public async Task GrantAsync(string username, string role, string by, CancellationToken cancellationToken)
    {
        RequireRole(role);
        await ChangeAsync(username, by, "user-grant:" + role,
            account => account.Roles.Contains(role) ? [] : [new RoleGranted(role, by, time.GetUtcNow())], cancellationToken);
    }

    public async Task RevokeAsync(string username, string role, string by, CancellationToken cancellationToken)
    {
        RequireRole(role);
        await ChangeAsync(username, by, "user-revoke:" + role,
            account => account.Roles.Contains(role) ? [new RoleRevoked(role, by, time.GetUtcNow())] : [], cancellationToken);
    }

    /// <summary>A new second factor for a user who lost theirs; the old one stops working at once.</summary>
    public async Task<TotpSetup> ResetTotpAsync(string username, string by, CancellationToken cancellationToken)
    {
        var enrolment = TotpEnrolment.Create(options.TotpIssuer, username);
        var now = time.GetUtcNow();
        await ChangeAsync(username, by, "user-reset-totp",
            _ => [new TotpReset(by, now), new TotpEnrolled(wrapping.Wrap(enrolment.Secret, SignIn.TotpPurpose), now)], cancellationToken);
        return new TotpSetup(enrolment.Uri, enrolment.TerminalQrCode());
    }

    private async Task ChangeAsync(string username, string by, string action, Func<StaffAccount, IReadOnlyList<object>> decide, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(username, cancellationToken) ?? throw new AdministrationException($"No account is named {username}.");
        var events = decide(account);
        if (events.Count > 0 && !await accounts.AppendAsync(username, account.Version, events, cancellationToken))
            throw new AdministrationException($"The account {username} changed meanwhile; run the command again.");
        await RecordAsync(by, action, username, cancellationToken);
    }

    private static void RequireRole(string role)
    {
        if (!StaffRoles.All.Contains(role))
            throw new AdministrationException($"{role} is not a role; roles are {string.Join(", ", StaffRoles.All)}.");
    }

    private Task RecordAsync(string by, string action, string username, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry(Guid.NewGuid(), time.GetUtcNow(), by, action, null, AuditOutcomes.Succeeded, "account " + username), cancellationToken);
}

/// <summary>What the new user scans or types into an authenticator app.</summary>
public sealed record TotpSetup(string Uri, string QrCode);

public sealed class AdministrationException(string message) : Exception(message);
