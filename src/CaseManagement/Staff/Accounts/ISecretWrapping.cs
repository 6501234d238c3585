namespace Reporting.CaseManagement.Staff.Accounts;

/// <summary>Wraps small secrets (TOTP secrets, token signing keys) under the key-encryption key, bound to their purpose.</summary>
public interface ISecretWrapping
{
    byte[] Wrap(ReadOnlySpan<byte> secret, string purpose);

    /// <summary>The secret, or an exception when the wrapping was made for another purpose or was altered.</summary>
    byte[] Unwrap(byte[] wrapped, string purpose);
}
