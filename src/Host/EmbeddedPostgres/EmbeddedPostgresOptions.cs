namespace Reporting.Host.EmbeddedPostgres;

/// <param name="DataDirectory">The cluster's folder; created with initdb when it holds no cluster yet.</param>
/// <param name="Durable">False for throwaway test clusters: fsync and full-page writes off, which makes start-up and writes several times faster and loses data only on a machine crash.</param>
/// <param name="Port">The loopback port; a free one when null. Given, a cluster started again is where its clients left it.</param>
public sealed record EmbeddedPostgresOptions(string DataDirectory, bool Durable = true, int? Port = null)
{
    /// <summary>Where the server's own log goes; beside the data folder so it survives re-initialisation.</summary>
    public string LogFile => DataDirectory.TrimEnd(Path.DirectorySeparatorChar) + ".log";

    /// <summary>The superuser password, generated on first start and kept readable by the owner only.</summary>
    public string PasswordFile => DataDirectory.TrimEnd(Path.DirectorySeparatorChar) + ".password";
}
