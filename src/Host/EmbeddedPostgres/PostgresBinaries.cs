namespace Reporting.Host.EmbeddedPostgres;

/// <summary>Finds the PostgreSQL server programs: on PATH first, then Debian's versioned folders, newest first.</summary>
public static class PostgresBinaries
{
    public static string Locate()
    {
        var fromPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "initdb"))
            .Where(File.Exists)
            .Select(ResolveLinks)
            .Select(Path.GetDirectoryName)
            .FirstOrDefault(dir => dir is not null && File.Exists(Path.Combine(dir, "pg_ctl")));
        if (fromPath is not null)
            return fromPath;

        const string debianRoot = "/usr/lib/postgresql";
        var fromDebian = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return fromDebian ?? throw new InvalidOperationException(
            "PostgreSQL server programs (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql. " +
            "Install Debian's package: apt-get install postgresql (./build.sh does this for you), " +
            "or set ConnectionStrings:Reporting to use an existing server.");
    }

    /// <summary>
    /// A client program (pg_dump, pg_restore): beside the server programs when they are installed, so that its version
    /// is theirs, else on PATH (Debian's postgresql-client).
    /// </summary>
    public static string Client(string name)
    {
        string? server;
        try
        {
            server = Locate();
        }
        catch (InvalidOperationException)
        {
            server = null;
        }
        if (server is not null && File.Exists(Path.Combine(server, name)))
            return Path.Combine(server, name);
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{name} was not found beside the PostgreSQL server programs or on PATH. Install Debian's package: apt-get install postgresql-client.");
    }

    private static string ResolveLinks(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
}
