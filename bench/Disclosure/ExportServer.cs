using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Reporting.Disclosure.Bench;

/// <summary>
/// Debian's nginx serving an export folder as the operations guide has it (root = the folder, the export's own
/// nginx-disclosure.conf included), as a child process with a prefix, config, pid, logs and temp paths of its own
/// under <paramref name="workFolder"/>, on a free loopback port. Disposing stops it.
/// </summary>
internal sealed class ExportServer : IAsyncDisposable
{
    private const string Nginx = "/usr/sbin/nginx";
    private readonly Process _process;
    private readonly string _prefix;
    private readonly string _config;

    private ExportServer(Process process, string prefix, string config, Uri baseAddress)
    {
        _process = process;
        _prefix = prefix;
        _config = config;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<ExportServer> StartAsync(string exportFolder, string workFolder)
    {
        var prefix = Path.Combine(workFolder, "nginx");
        Directory.CreateDirectory(prefix);
        var port = FreeLoopbackPort();
        var config = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            worker_processes auto;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                default_type application/octet-stream;
                sendfile on;
                tcp_nopush on;
                client_body_temp_path {{prefix}}/client_body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                server {
                    listen 127.0.0.1:{{port}};
                    root {{exportFolder}};
                    include {{Path.Combine(exportFolder, "nginx-disclosure.conf")}};
                }
            }
            """);
        var process = Process.Start(new ProcessStartInfo(Nginx, ["-p", prefix, "-c", config, "-e", Path.Combine(prefix, "error.log")]))
            ?? throw new InvalidOperationException("nginx did not start.");
        var server = new ExportServer(process, prefix, config, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await server.WaitUntilListeningAsync(port);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}: {ErrorLog()}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
            }
        }
    }

    private string ErrorLog()
    {
        var log = Path.Combine(_prefix, "error.log");
        return File.Exists(log) ? File.ReadAllText(log) : "(no error log)";
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // "-s stop" signals the master by its pid file, which takes its workers down with it; killing the tree is the fallback.
            using (var stop = Process.Start(new ProcessStartInfo(Nginx, ["-p", _prefix, "-c", _config, "-e", Path.Combine(_prefix, "error.log"), "-s", "stop"])))
                if (stop is not null)
                    await stop.WaitForExitAsync();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
