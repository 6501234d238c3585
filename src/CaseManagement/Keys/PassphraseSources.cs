namespace Reporting.CaseManagement.Keys;

/// <summary>Where an operator's passphrase comes from: a file, an environment variable, or the keyboard.</summary>
public static class PassphraseSources
{
    public const int MinimumLength = 16;

    /// <summary>The file's first line; the file should be readable by the service user only.</summary>
    public static string FromFile(string path) =>
        File.ReadLines(path).FirstOrDefault()?.TrimEnd('\r') is { Length: > 0 } line
            ? line
            : throw new InvalidOperationException($"The passphrase file {path} is empty.");

    /// <summary>Typed without echo; asked twice when a new passphrase is being chosen.</summary>
    public static string Typed(TextWriter prompt, bool confirm)
    {
        if (Console.IsInputRedirected)
            throw new InvalidOperationException("No terminal to type a passphrase on: use --passphrase-file or set REPORTING_KEY_PASSPHRASE.");
        var first = ReadHidden(prompt, "Passphrase: ");
        if (confirm && ReadHidden(prompt, "Again: ") != first)
            throw new InvalidOperationException("The two passphrases differ.");
        return first;
    }

    /// <summary>Refuses passphrases too short to resist an offline search of a stolen key file.</summary>
    public static string RequireStrong(string passphrase) =>
        passphrase.Length >= MinimumLength
            ? passphrase
            : throw new InvalidOperationException($"A key passphrase has at least {MinimumLength} characters.");

    private static string ReadHidden(TextWriter prompt, string label)
    {
        prompt.Write(label);
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                    text.Length--;
                continue;
            }
            text.Append(key.KeyChar);
        }
        prompt.WriteLine();
        return text.ToString();
    }
}
