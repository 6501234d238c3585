namespace Reporting.CaseManagement.Staff.Tokens;

/// <summary>The claims of a staff token, by their JWT names (never mapped to the long SOAP-era URIs).</summary>
public static class StaffClaims
{
    public const string Subject = "sub";
    public const string TokenId = "jti";
    public const string Role = "role";

    /// <summary>The account's security stamp when the token was issued; see <see cref="Accounts.StaffAccount.SecurityStamp"/>.</summary>
    public const string SecurityStamp = "stamp";
}
