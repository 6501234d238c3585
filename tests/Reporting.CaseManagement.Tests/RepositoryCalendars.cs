using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Tests;

/// <summary>The calendar files as they are in the repository's <c>calendars/</c> folder.</summary>
internal static class RepositoryCalendars
{
    public static readonly string Folder = FindFolder();

    public static readonly WorkingCalendar Calendar =
        WorkingCalendar.FromJson(Directory.GetFiles(Folder, "cn-*.json").Order(StringComparer.Ordinal).Select(File.ReadAllText));

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Reporting.sln")))
                return Path.Combine(directory.FullName, "calendars");
        }
        throw new InvalidOperationException("The repository root (Reporting.sln) is not above the test's folder.");
    }
}
