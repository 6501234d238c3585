using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.CaseManagement.Staff.Accounts;
using Reporting.CaseManagement.Staff.Audit;
using Reporting.CaseManagement.Staff.Tokens;
using Reporting.CaseManagement.Staff.Totp;

namespace Reporting.CaseManagement.Staff.SigningIn;

/// <summary>
/// One login attempt: throttle, password, second factor, then a token. Every outcome is audited by username only;
/// nothing about where the attempt came from is looked at or kept.
/// </summary>
public sealed partial class SignIn(
    IStaffAccounts accounts,
    IPasswordHashing hashing,
    ISecretWrapping wrapping,
    TokenIssuer issuer,
    IAuditTrail audit,
    TimeProvider time,
    IHostEnvironment environment,
    ILogger<SignIn> logger)
{
    public const string TotpPurpose = "staff-totp-secret";

    // Verified against when the account does not exist, so that an unknown name costs the same time as a wrong password.
    private readonly Lazy<string> _decoyHash = new(() => hashing.Hash(Guid.NewGuid().ToString()));

    public async Task<IssuedToken?> AttemptAsync(string username, string password, string? totp, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var account = await accounts.FindAsync(username, cancellationToken);
        var outcome = await DecideAsync(account, password, totp, now, cancellationToken);
        await audit.RecordAsync(new AuditEntry(Guid.NewGuid(), now, username, AuditActions.Login, null,
            outcome is null ? AuditOutcomes.Succeeded : AuditOutcomes.Failed, outcome), cancellationToken);
        if (outcome is not null)
        {
            LogFailed(logger, username, outcome);
            return null;
        }
        LogSucceeded(logger, username);
        return issuer.Issue(account!);
    }

    /// <summary>Null when the login succeeds; otherwise why it failed, for the audit trail only (the caller answers the same for all).</summary>
    private async Task<string?> DecideAsync(StaffAccount? account, string password, string? totp, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (account?.PasswordHash is null || account.Disabled)
        {
            hashing.Verify(_decoyHash.Value, password);
            return account is null ? "unknown user" : "account disabled";
        }
        if (!LoginThrottle.MayTryAt(account, now))
            return "slowed down after failed logins";
        if (!hashing.Verify(account.PasswordHash, password))
            return await FailAsync(account, "wrong password", cancellationToken);

        long? step = null;
        if (account.WrappedTotpSecret is { } wrapped)
        {
            step = TotpVerification.MatchingStep(wrapping.Unwrap(wrapped, TotpPurpose), totp, now, account.LastTotpStep);
            if (step is null)
                return await FailAsync(account, "wrong or reused code", cancellationToken);
        }
        else if (!environment.IsDevelopment())
        {
            return await FailAsync(account, "no second factor enrolled", cancellationToken);
        }

        List<object> events = [new LoginSucceeded(step, now)];
        if (hashing.NeedsRehash(account.PasswordHash))
            events.Add(new PasswordRehashed(hashing.Hash(password), now));
        // Conditional on the version read: of two logins racing with the same code, only one wins it.
        return await accounts.AppendAsync(account.Username, account.Version, events, cancellationToken) ? null : "concurrent login with the same code";
    }

    /// <summary>The wait before the next try counts from when the failure is known, after the deliberately slow hash.</summary>
    private async Task<string> FailAsync(StaffAccount account, string reason, CancellationToken cancellationToken)
    {
        await accounts.AppendAsync(account.Username, expectedVersion: null, [new LoginFailed(time.GetUtcNow())], cancellationToken);
        return reason;
    }

    [LoggerMessage(LogLevel.Information, "Login of {Username} succeeded")]
    private static partial void LogSucceeded(ILogger logger, string username);

    [LoggerMessage(LogLevel.Warning, "Login of {Username} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string username, string reason);
}
