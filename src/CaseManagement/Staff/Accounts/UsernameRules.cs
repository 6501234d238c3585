using System.Text.RegularExpressions;

namespace Reporting.CaseManagement.Staff.Accounts;

/// <summary>Usernames appear in logs and the audit trail, so they are plain ASCII that cannot forge a log line.</summary>
public static partial class UsernameRules
{
    public const string Description = "A username is 3 to 64 characters: lower-case letters, digits, '.', '-' and '_', starting with a letter.";

    public static bool IsValid(string username) => Pattern().IsMatch(username);

    [GeneratedRegex("^[a-z][a-z0-9._-]{2,63}$")]
    private static partial Regex Pattern();
}
