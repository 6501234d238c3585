namespace Reporting.Intake.Bench;

/// <summary>
/// CPU seconds spent by this process (the loopback clients and the host together) and by the embedded PostgreSQL
/// server and its backends. On a shared machine throughput moves with everyone else's load; CPU time per operation
/// moves much less, so it tells whether a change made the work itself cheaper.
/// </summary>
internal static class CpuTime
{
    /// <summary>USER_HZ: /proc counts CPU time in hundredths of a second on Linux.</summary>
    private const double TicksPerSecond = 100;

    public static (double Process, double Postgres) Now(string dataDirectory)
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
        var postgres = 0L;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(folder), out var pid) && (pid == postmaster || Stat(pid) is { Parent: var parent } && parent == postmaster))
                postgres += Stat(pid)?.Ticks ?? 0;
        return ((Stat(Environment.ProcessId)?.Ticks ?? 0) / TicksPerSecond, postgres / TicksPerSecond);
    }

    /// <summary>Fields 4 (parent), 14 and 15 (user and system ticks) of /proc/[pid]/stat; null when the process is gone.</summary>
    private static (int Parent, long Ticks)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture));
    }
}
