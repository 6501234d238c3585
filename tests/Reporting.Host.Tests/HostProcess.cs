using System.Diagnostics;
using System.Text;
using Npgsql;

namespace Reporting.Host.Tests;

/// <summary>The built <c>reporting</c> program as a process of its own, as an operator runs it: it can be killed.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _log;
    private int _disposed;

    private HostProcess(Process process, StringBuilder log, Uri baseAddress)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The process's resident memory now, from <c>/proc</c>, in MiB.</summary>
    public double ResidentMiB =>
        File.ReadLines($"/proc/{_process.Id}/status").First(line => line.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] is var kib ? double.Parse(kib, System.Globalization.CultureInfo.InvariantCulture) / 1024 : 0;

    /// <summary>What the process wrote so far, for a failure's message.</summary>
    public string Log
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    /// <summary>
    /// <c>reporting serve</c> in Development on a free loopback port, named <paramref name="name"/> in
    /// <c>pg_stat_activity</c>, migrating the schema itself unless other arguments say otherwise.
    /// </summary>
    public static Task<HostProcess> ServeAsync(string connectionString, string name, string keysFile, params string[] arguments) =>
        StartAsync([
            "serve", "--environment", "Development",
            $"--ConnectionStrings:Reporting={new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = name }}",
            "--Urls=http://127.0.0.1:0", $"--Keys:File={keysFile}", "--Intake:ProofOfWork:Difficulty=0",
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
            .. arguments.Any(argument => argument.StartsWith("--Database:MigrateOnStartup=", StringComparison.Ordinal)) ? arguments : ["--Database:MigrateOnStartup=true", .. arguments],
        ]);

    /// <summary>Runs a verb to its end; returns its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        using var process = Process.Start(StartInfo(arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Bound);
        return (process.ExitCode, await output + await error);
    }

    private static async Task<HostProcess> StartAsync(string[] arguments)
    {
        var process = Process.Start(StartInfo(arguments))!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
        process.OutputDataReceived += (_, line) =>
        {
            lock (log)
                log.AppendLine(line.Data);
            if (line.Data?.Contains("Now listening on: ", StringComparison.Ordinal) == true)
                listening.TrySetResult(new Uri(line.Data[line.Data.IndexOf("http", StringComparison.Ordinal)..].Trim()));
        };
        process.ErrorDataReceived += (_, line) =>
        {
            lock (log)
                log.AppendLine(line.Data);
        };
        process.Exited += (_, _) =>
        {
            lock (log)
                listening.TrySetException(new InvalidOperationException($"The host exited before listening:\n{log}"));
        };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = await listening.Task.WaitAsync(Bound);
        return new HostProcess(process, log, started);
    }

    private static ProcessStartInfo StartInfo(string[] arguments)
    {
        var dotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "reporting.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>SIGKILL: no shutdown, no lock released by the process itself.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
    }

    /// <summary>Kills and waits; a second call (a test that stopped the host itself, then left scope) does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
