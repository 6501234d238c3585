using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Reporting.Cases.Bench;

/// <summary>nginx from Debian serving one file at <c>/api/cases</c>, for a baseline measured the same way as the host.</summary>
internal static class Nginx
{
    public static async Task<double> MeasureAsync(string folder, string body, Func<HttpClient, Task<double>> measure)
    {
        var root = Path.Combine(folder, "nginx");
        Directory.CreateDirectory(Path.Combine(root, "www", "api"));
        await File.WriteAllTextAsync(Path.Combine(root, "www", "api", "cases"), body);
        var port = FreePort();
        await File.WriteAllTextAsync(Path.Combine(root, "nginx.conf"), $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{root}}/nginx.pid;
            error_log {{root}}/error.log;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{root}}/body;
                proxy_temp_path {{root}}/proxy;
                fastcgi_temp_path {{root}}/fastcgi;
                uwsgi_temp_path {{root}}/uwsgi;
                scgi_temp_path {{root}}/scgi;
                server {
                    listen 127.0.0.1:{{port}};
                    location / { root {{root}}/www; default_type application/json; }
                }
            }
            """);
        using var nginx = Process.Start(new ProcessStartInfo("/usr/sbin/nginx", ["-c", Path.Combine(root, "nginx.conf"), "-p", root])
        {
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("nginx did not start.");
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var probe = await client.GetAsync(new Uri("/api/cases", UriKind.Relative));
                    if (probe.StatusCode == HttpStatusCode.OK)
                        break;
                }
                catch (HttpRequestException) when (attempt < 50)
                {
                }
                await Task.Delay(100);
            }
            return await measure(client);
        }
        finally
        {
            nginx.Kill();
            await nginx.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
