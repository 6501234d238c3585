using System.Collections.Frozen;

namespace Reporting.CaseManagement.Staff.Passwords;

/// <summary>
/// What a staff password must be: long (NIST SP 800-63B's advice, at least 12 characters here), not one of the
/// passwords attackers try first, not the username. No composition rules: they push people to predictable patterns.
/// </summary>
internal static class PasswordPolicy
{
    public const int MinimumLength = 12;

    /// <summary>Argon2id's cost grows with nothing but the parameters; the cap only stops absurd request bodies.</summary>
    public const int MaximumLength = 256;

    private static readonly FrozenSet<string> CommonPasswords = LoadCommonPasswords();

    /// <summary>Why the password is refused, or null when it is acceptable.</summary>
    public static string? Refusal(string password, string username)
    {
        if (password.Length < MinimumLength)
            return $"A password has at least {MinimumLength} characters.";
        if (password.Length > MaximumLength)
            return $"A password has at most {MaximumLength} characters.";
        var normalized = password.Trim().ToLowerInvariant();
        if (normalized.Contains(username.ToLowerInvariant(), StringComparison.Ordinal))
            return "A password must not contain the username.";
        // "password2024!" is as weak as "password": digits and symbols tacked on the end are the first thing tried.
        var stem = normalized.TrimEnd("0123456789!@#$%^&*.?-_ ".ToCharArray());
        if (CommonPasswords.Contains(normalized) || (stem.Length > 0 && CommonPasswords.Contains(stem)) || IsOneRepeatedCharacter(normalized))
            return "This password is too common; choose a longer phrase of your own.";
        return null;
    }

    private static bool IsOneRepeatedCharacter(string password) => password.All(c => c == password[0]);

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Reporting.CaseManagement.Staff.Passwords.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
                passwords.Add(line.Trim().ToLowerInvariant());
        }
        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
