using Reporting.CaseManagement.Staff.Authorization;

namespace Reporting.CaseManagement.Staff.Accounts;

/// <summary>A staff account, rebuilt from its stream.</summary>
public sealed class StaffAccount
{
    public Guid Id { get; set; }

    /// <summary>
    /// The stream version this state was rebuilt at, for optimistic concurrency: one per event, counted here because
    /// every event of the stream passes through exactly one Create or Apply.
    /// </summary>
    public long Version { get; set; }

    public string Username { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Organization { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    public string? PasswordHash { get; set; }

    public byte[]? WrappedTotpSecret { get; set; }

    public long? LastTotpStep { get; set; }

    public bool Disabled { get; set; }

    /// <summary>
    /// Changes whenever what a token asserts stops being true (roles, password, second factor, disabling). Tokens carry
    /// the stamp they were issued under, and a token whose stamp is not the current one is refused at once.
    /// </summary>
    public int SecurityStamp { get; set; }

    /// <summary>Failed logins since the last success; drives the slowdown.</summary>
    public int FailedLogins { get; set; }

    public DateTimeOffset? LastFailedLoginAt { get; set; }

    public static StaffAccount Create(AccountCreated created) => new()
    {
        Id = StaffAccountId.For(created.Username),
        Username = created.Username,
        DisplayName = created.DisplayName,
        Organization = created.Organization,
        Version = 1,
    };

    public void Apply(RoleGranted granted)
    {
        Version++;
        if (!Roles.Contains(granted.Role))
            Roles.Add(granted.Role);
        SecurityStamp++;
    }

    public void Apply(RoleRevoked revoked)
    {
        Version++;
        Roles.Remove(revoked.Role);
        SecurityStamp++;
    }

    public void Apply(PasswordChanged changed)
    {
        Version++;
        PasswordHash = changed.PasswordHash;
        SecurityStamp++;
    }

    public void Apply(PasswordRehashed rehashed)
    {
        Version++;
        PasswordHash = rehashed.PasswordHash;
    }

    public void Apply(TotpEnrolled enrolled)
    {
        Version++;
        WrappedTotpSecret = enrolled.WrappedSecret;
        LastTotpStep = null;
        SecurityStamp++;
    }

    public void Apply(TotpReset reset)
    {
        Version++;
        WrappedTotpSecret = null;
        LastTotpStep = null;
        SecurityStamp++;
    }

    public void Apply(AccountDisabled disabled)
    {
        Version++;
        Disabled = true;
        SecurityStamp++;
    }

    public void Apply(LoginSucceeded succeeded)
    {
        Version++;
        LastTotpStep = succeeded.TotpStep ?? LastTotpStep;
        FailedLogins = 0;
        LastFailedLoginAt = null;
    }

    public void Apply(LoginFailed failed)
    {
        Version++;
        FailedLogins++;
        LastFailedLoginAt = failed.At;
    }

    public StaffMember AsMember() => new(Username, DisplayName, Organization, new HashSet<string>(Roles, StringComparer.Ordinal));
}
