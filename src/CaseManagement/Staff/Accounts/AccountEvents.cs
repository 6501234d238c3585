namespace Reporting.CaseManagement.Staff.Accounts;

// The events of one staff account's stream. No event ever holds a password, a TOTP secret in clear, or where a
// login came from: the password only as its Argon2id hash string, the TOTP secret only wrapped under the key-encryption key.

public sealed record AccountCreated(string Username, string DisplayName, string Organization, DateTimeOffset CreatedAt);

public sealed record RoleGranted(string Role, string GrantedBy, DateTimeOffset GrantedAt);

public sealed record RoleRevoked(string Role, string RevokedBy, DateTimeOffset RevokedAt);

/// <param name="PasswordHash">The crypto_pwhash_str string (Argon2id, its parameters and salt inside).</param>
public sealed record PasswordChanged(string PasswordHash, DateTimeOffset ChangedAt);

/// <param name="WrappedSecret">The TOTP secret sealed under the key-encryption key.</param>
public sealed record TotpEnrolled(byte[] WrappedSecret, DateTimeOffset EnrolledAt);

public sealed record TotpReset(string ResetBy, DateTimeOffset ResetAt);

public sealed record AccountDisabled(string DisabledBy, DateTimeOffset DisabledAt);

/// <param name="TotpStep">The time step of the code used, so that no code is accepted twice; null without a second factor.</param>
public sealed record LoginSucceeded(long? TotpStep, DateTimeOffset At);

/// <summary>A wrong password or code. Deliberately without address, agent or any other trace of who tried.</summary>
public sealed record LoginFailed(DateTimeOffset At);

/// <summary>The same password, hashed again because the hashing parameters rose; unlike a change, it revokes no token.</summary>
public sealed record PasswordRehashed(string PasswordHash, DateTimeOffset RehashedAt);
