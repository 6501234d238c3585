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

    private const string LostRace = "concurrent login";

    // Verified against when the account does not exist, so that an unknown name costs the same time as a wrong password.
    private readonly Lazy<string> _decoyHash = new(() => hashing.Hash(Guid.NewGuid().ToString()));

    // Keys the stand-in for a name that is no account: repeated tries of one name show as one on this host's trail.
    private static readonly byte[] UnknownNameKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public async Task<IssuedToken?> AttemptAsync(string username, string password, string? totp, CancellationToken cancellationToken) =>
        await VerifyAsync(username, password, totp, cancellationToken) is { } account ? issuer.Issue(account) : null;

    /// <summary>The account signed in, or null: for the API, which then issues a token, and for the workbench, which starts a session.</summary>
    public async Task<StaffAccount?> VerifyAsync(string username, string password, string? totp, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        StaffAccount? account;
        string? outcome;
        var attempt = 0;
        do
        {
            // A login that lost the race for the account's version is decided again on what the winner wrote: a second
            // password login then succeeds, a second use of the same code is refused as reused.
            account = await accounts.FindAsync(username, cancellationToken);
            outcome = await DecideAsync(account, password, totp, now, cancellationToken);
        }
        while (outcome == LostRace && ++attempt < 3);
        var recorded = account is null ? UnknownName(username) : account.Username;
        await audit.RecordAsync(new AuditEntry(Guid.NewGuid(), now, recorded, AuditActions.Login, null,
            outcome is null ? AuditOutcomes.Succeeded : AuditOutcomes.Failed, outcome), cancellationToken);
        if (outcome is not null)
        {
            LogFailed(logger, recorded, outcome);
            return null;
        }
        LogSucceeded(logger, username);
        return account;
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
        return await accounts.AppendAsync(account.Username, account.Version, events, cancellationToken) ? null : LostRace;
    }

    /// <summary>
    /// What the trail and the log say for a name that is no account: not the text typed, which is as often a password
    /// typed into the wrong field as a mistyped name, but a keyed token of it ("unknown-3f9a…"), so that many tries of
    /// one name still show as such.
    /// </summary>
    private static string UnknownName(string typed) =>
        "unknown-" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(UnknownNameKey, System.Text.Encoding.UTF8.GetBytes(typed)))[..12];

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
