using System.Diagnostics;
using System.Globalization;
using System.Net;
using Reporting.Disclosure.Bench;
using Reporting.Disclosure.Export;

// The public record served two ways in one run: by the running host, and by nginx from the static export of the same
// host, which must answer byte-identical bodies. wrk measures both with the same threads, connections and duration, in
// short rounds that alternate which server goes first; medians are quoted, since this machine is shared and noisy.
// In each path, {id} stands for a published notice and {size} for the log's size at the newest checkpoint.
(string Name, string HostPath, string ExportFile)[] targets =
[
    ("notice", "/notices/{id}", "notices/{id}/index.html"),
    ("list", "/notices", "notices/index.html"),
];
var noticeCount = Setting("BENCH_NOTICES", 24);
var rounds = Setting("BENCH_ROUNDS", 5);
var duration = TimeSpan.FromSeconds(Setting("BENCH_SECONDS", 5));
var connections = Setting("BENCH_CONNECTIONS", 32);
const int Threads = 2;

var folder = Path.Combine(Path.GetTempPath(), $"reporting-disclosure-bench-{Environment.ProcessId}");
var export = Path.Combine(folder, "export");
Directory.CreateDirectory(export);
var host = new PublishingHost();
ExportServer? nginx = null;
try
{
    await host.InitializeAsync();
    var walking = Stopwatch.StartNew();
    var notices = await host.PublishNoticesAsync(noticeCount);
    var summary = await SiteExport.WriteAsync(host.Services, export, CancellationToken.None);
    Console.WriteLine($"{notices.Count} notices published over HTTP in {walking.Elapsed.TotalSeconds:F0} s; export: {summary.Files} files, log size {summary.TreeSize}; " +
        $"{Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    nginx = await ExportServer.StartAsync(export, folder);

    var checkpointSize = File.ReadAllLines(Path.Combine(export, "notices-log", "checkpoint"))[1];
    string Fill(string path) => path.Replace("{id}", notices[0].ToString(), StringComparison.Ordinal).Replace("{size}", checkpointSize, StringComparison.Ordinal);
    var urls = targets.Select(target => (target.Name, Host: new Uri(host.BaseAddress, Fill(target.HostPath)), Nginx: new Uri(nginx.BaseAddress, Fill(target.ExportFile)))).ToList();

    using (var client = new HttpClient())
        foreach (var (name, hostUrl, nginxUrl) in urls)
        {
            var fromHost = await FetchAsync(client, hostUrl);
            var fromNginx = await FetchAsync(client, nginxUrl);
            if (!fromHost.AsSpan().SequenceEqual(fromNginx))
            {
                var differsAt = fromHost.AsSpan().CommonPrefixLength(fromNginx);
                throw new InvalidOperationException($"{name}: the host's {hostUrl.AbsolutePath} ({fromHost.Length} bytes) and nginx's {nginxUrl.AbsolutePath} ({fromNginx.Length} bytes) differ from byte {differsAt}.");
            }
            Console.WriteLine($"{name}: host {hostUrl.AbsolutePath} and nginx {nginxUrl.AbsolutePath} answer 200 with the same {fromHost.Length:N0} bytes");
        }

    Console.WriteLine($"wrk -t{Threads} -c{connections} -d{duration.TotalSeconds:F0}s, {rounds} rounds after a warm-up");
    foreach (var (_, hostUrl, nginxUrl) in urls)
    {
        await Wrk.RunAsync(hostUrl, Threads, connections, TimeSpan.FromSeconds(2));
        await Wrk.RunAsync(nginxUrl, Threads, connections, TimeSpan.FromSeconds(2));
    }
    var figures = urls.ToDictionary(url => url.Name, _ => (Host: new List<double>(), Nginx: new List<double>()));
    for (var round = 1; round <= rounds; round++)
        foreach (var (name, hostUrl, nginxUrl) in urls)
        {
            var hostFirst = round % 2 == 1;
            var first = await Wrk.RunAsync(hostFirst ? hostUrl : nginxUrl, Threads, connections, duration);
            var second = await Wrk.RunAsync(hostFirst ? nginxUrl : hostUrl, Threads, connections, duration);
            var (fromHost, fromNginx) = hostFirst ? (first, second) : (second, first);
            figures[name].Host.Add(fromHost.RequestsPerSecond);
            figures[name].Nginx.Add(fromNginx.RequestsPerSecond);
            var errors = string.Join("", new[] { ("host", fromHost), ("nginx", fromNginx) }
                .Where(run => run.Item2.SocketErrors is not null).Select(run => $"; {run.Item1} socket errors: {run.Item2.SocketErrors}"));
            Console.WriteLine(Invariant($"round {round} {name,-6}: host {fromHost.RequestsPerSecond,8:F0} rps, nginx {fromNginx.RequestsPerSecond,8:F0} rps, ratio {fromHost.RequestsPerSecond / fromNginx.RequestsPerSecond:F3} ({(hostFirst ? "host" : "nginx")} first){errors}"));
        }

    var ratios = figures.ToDictionary(entry => entry.Key, entry => (Host: Median(entry.Value.Host), Nginx: Median(entry.Value.Nginx)));
    foreach (var (name, (hostRps, nginxRps)) in ratios)
        Console.WriteLine(Invariant($"median {name}: host {hostRps:F0} rps, nginx {nginxRps:F0} rps, ratio_vs_nginx={hostRps / nginxRps:F3}"));
    var notice = ratios["notice"];
    Console.WriteLine(Invariant($"RESULT disclosure ratio_vs_nginx={notice.Host / notice.Nginx:F3} host_rps={notice.Host:F0}"));
}
finally
{
    if (nginx is not null)
        await nginx.DisposeAsync();
    await host.DisposeAsync();
    Directory.Delete(folder, recursive: true);
}

static async Task<byte[]> FetchAsync(HttpClient client, Uri url)
{
    using var response = await client.GetAsync(url);
    var body = await response.Content.ReadAsByteArrayAsync();
    if (response.StatusCode != HttpStatusCode.OK)
        throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}, not 200.");
    return body;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static int Setting(string name, int fallback) =>
    Environment.GetEnvironmentVariable(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
