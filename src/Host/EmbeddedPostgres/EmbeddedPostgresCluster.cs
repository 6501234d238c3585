using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Reporting.Host.EmbeddedPostgres;

/// <summary>
/// A PostgreSQL cluster owned by this process: created with initdb on first use, started on a free loopback port,
/// stopped on dispose. Used by <c>reporting serve</c> when no connection string is configured, and by the test fixtures.
/// </summary>
public sealed class EmbeddedPostgresCluster : IAsyncDisposable
{
    private const string SystemUser = "postgres";
    private readonly EmbeddedPostgresOptions _options;
    private readonly string _binDirectory;
    private readonly ILogger _logger;
    private bool _stopped;

    private EmbeddedPostgresCluster(EmbeddedPostgresOptions options, string binDirectory, int port, string password, ILogger logger)
    {
        _options = options;
        _binDirectory = binDirectory;
        _logger = logger;
        Port = port;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username={SystemUser};Password={password};Database=postgres";
    }

    public int Port { get; }

    /// <summary>Connection string to the cluster's maintenance database <c>postgres</c>, as its superuser.</summary>
    public string ConnectionString { get; }

    public string DataDirectory => _options.DataDirectory;

    // PostgreSQL refuses to run as root; as root we run its programs as Debian's postgres system user.
    private static bool RunningAsRoot => Environment.UserName == "root";

    public static async Task<EmbeddedPostgresCluster> StartAsync(EmbeddedPostgresOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        var bin = PostgresBinaries.Locate();
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        options = options with { DataDirectory = dataDirectory };

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
            await InitialiseAsync(options, bin, logger, cancellationToken);

        await RecoverFromCrashAsync(options, logger, cancellationToken);

        var password = (await File.ReadAllTextAsync(options.PasswordFile, cancellationToken)).Trim();
        var port = options.Port ?? FreeLoopbackPort();
        await PrepareOwnedFileAsync(options.LogFile, cancellationToken);
        await RunAsync(bin, "pg_ctl", ["start", "-D", dataDirectory, "-l", options.LogFile, "-w", "-t", "60", "-s", "-o", $"-p {port}"], cancellationToken);
        logger.LogInformation("Embedded PostgreSQL started on 127.0.0.1:{Port} with data in {DataDirectory}", port, dataDirectory);
        return new EmbeddedPostgresCluster(options, bin, port, password, logger);
    }

    public async Task StopAsync(bool immediate = false)
    {
        if (_stopped)
            return;
        _stopped = true;
        var postmaster = PostmasterPid(_options.DataDirectory);
        await RunAsync(_binDirectory, "pg_ctl", ["stop", "-D", _options.DataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "-t", "60", "-s"], CancellationToken.None);
        // pg_ctl returns once postmaster.pid is gone, which the postmaster removes just before it exits: wait for the
        // exit too, so that nothing of the server outlives StopAsync (a busy machine showed the gap).
        for (var waited = 0; postmaster is { } pid && IsPostgresProcess(pid) && waited < 10_000; waited += 20)
            await Task.Delay(20);
        _logger.LogInformation("Embedded PostgreSQL stopped");
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static async Task InitialiseAsync(EmbeddedPostgresOptions options, string bin, ILogger logger, CancellationToken cancellationToken)
    {
        var dataDirectory = options.DataDirectory;
        Directory.CreateDirectory(dataDirectory);
        if (Directory.EnumerateFileSystemEntries(dataDirectory).Any())
            throw new InvalidOperationException($"{dataDirectory} is neither empty nor a PostgreSQL data folder; move it away or point the data folder elsewhere.");
        await ChownToSystemUserAsync(dataDirectory, cancellationToken);

        var password = RandomNumberGenerator.GetHexString(40, lowercase: true);
        await File.WriteAllTextAsync(options.PasswordFile, password, cancellationToken);
        File.SetUnixFileMode(options.PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // initdb reads the password from a file so that it never appears in a process list.
        var passwordForInitdb = Path.Combine(Path.GetTempPath(), $"reporting-pg-{Guid.NewGuid():N}.pw");
        try
        {
            await File.WriteAllTextAsync(passwordForInitdb, password, cancellationToken);
            File.SetUnixFileMode(passwordForInitdb, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            await ChownToSystemUserAsync(passwordForInitdb, cancellationToken);
            string[] arguments = ["-D", dataDirectory, "-U", SystemUser, "--pwfile", passwordForInitdb, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"];
            await RunAsync(bin, "initdb", options.Durable ? arguments : [.. arguments, "--no-sync"], cancellationToken);
        }
        finally
        {
            File.Delete(passwordForInitdb);
        }

        await File.AppendAllTextAsync(Path.Combine(dataDirectory, "postgresql.conf"), ServerSettings(options.Durable), cancellationToken);
        logger.LogInformation("Created a PostgreSQL cluster in {DataDirectory}", dataDirectory);
    }

    private static string ServerSettings(bool durable)
    {
        var settings = """

            # Written by reporting's embedded PostgreSQL.
            listen_addresses = '127.0.0.1'
            unix_socket_directories = ''
            max_connections = 200
            # The server log must never hold statement text or key values: errors only, without DETAIL.
            log_min_error_statement = panic
            log_error_verbosity = terse
            log_connections = off
            log_disconnections = off

            """;
        return durable ? settings : settings + """
            # Throwaway test cluster: durability traded for speed.
            fsync = off
            full_page_writes = off
            synchronous_commit = off

            """;
    }

    /// <summary>
    /// After a crash or SIGKILL of the host, postmaster.pid is left behind, and the server may even still be running.
    /// A live server of this folder is stopped; a pid file whose process is gone or is not PostgreSQL is removed.
    /// </summary>
    public static async Task RecoverFromCrashAsync(EmbeddedPostgresOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        var bin = PostgresBinaries.Locate();
        var pidFile = Path.Combine(options.DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
            return;
        var lines = await File.ReadAllLinesAsync(pidFile, cancellationToken);
        if (lines.Length > 0 && int.TryParse(lines[0].Trim(), out var pid) && IsPostgresProcess(pid))
        {
            logger.LogWarning("A PostgreSQL server (pid {Pid}) left running by an earlier host is being stopped", pid);
            await RunAsync(bin, "pg_ctl", ["stop", "-D", options.DataDirectory, "-m", "fast", "-w", "-t", "60", "-s"], cancellationToken);
            return;
        }
        logger.LogWarning("Removing a stale postmaster.pid left by a crash");
        File.Delete(pidFile);
    }

    private static int? PostmasterPid(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        try
        {
            return File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault()?.Trim(), out var pid) ? pid : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True for a live PostgreSQL process; a zombie (killed, never reaped) holds no lock and counts as gone.</summary>
    private static bool IsPostgresProcess(int pid)
    {
        try
        {
            // /proc/PID/stat is "pid (comm) state ...": the name may hold spaces, so read around the last parenthesis.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var name = stat[(open + 1)..close];
            var state = stat[(close + 2)..].TrimStart()[0];
            return name is "postgres" or "postmaster" && state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task PrepareOwnedFileAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            await File.WriteAllTextAsync(path, "", cancellationToken);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await ChownToSystemUserAsync(path, cancellationToken);
    }

    private static Task ChownToSystemUserAsync(string path, CancellationToken cancellationToken) =>
        RunningAsRoot ? ExternalProcess.RunAsync("chown", [$"{SystemUser}:{SystemUser}", path], cancellationToken) : Task.CompletedTask;

    private static Task RunAsync(string bin, string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var path = Path.Combine(bin, program);
        return RunningAsRoot
            ? ExternalProcess.RunAsync("runuser", ["-u", SystemUser, "--", path, .. arguments], cancellationToken)
            : ExternalProcess.RunAsync(path, arguments, cancellationToken);
    }
}
