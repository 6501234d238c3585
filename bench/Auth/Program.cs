using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Reporting.Testing;

// Runs the real host (Development, seeded users, embedded throwaway PostgreSQL) and measures over HTTP:
// - login_p50_ms: the median of sequential POST /api/auth/token, dominated by Argon2id by design;
// - token_validations_per_s: GET /api/me with a valid token from concurrent clients, each request a full ES256
//   validation plus the security-stamp check against the database.
const int Logins = 21;
const int Clients = 8;
var validationTime = TimeSpan.FromSeconds(10);

var host = new BenchHost();
await host.InitializeAsync();
try
{
    var loginTimes = new List<double>();
    string token = "";
    for (var i = 0; i < Logins; i++)
    {
        var watch = Stopwatch.StartNew();
        var response = await host.Client.PostAsJsonAsync("/api/auth/token", new { username = "registrar1", password = "dev-password-change-me", totp = (string?)null });
        response.EnsureSuccessStatusCode();
        loginTimes.Add(watch.Elapsed.TotalMilliseconds);
        token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString()!;
    }
    loginTimes.Sort();
    var loginMedian = loginTimes[loginTimes.Count / 2];

    using var stop = new CancellationTokenSource(validationTime);
    var counts = new long[Clients];
    var watchAll = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        while (!stop.IsCancellationRequested)
        {
            using var response = await http.GetAsync(new Uri("/api/me", UriKind.Relative), CancellationToken.None);
            response.EnsureSuccessStatusCode();
            counts[client]++;
        }
    }));
    var perSecond = counts.Sum() / watchAll.Elapsed.TotalSeconds;

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"RESULT auth token_validations_per_s={perSecond:F0} login_p50_ms={loginMedian:F0}"));
}
finally
{
    await host.DisposeAsync();
}

/// <summary>The test host with a key file of its own, so that the benchmark leaves nothing behind.</summary>
internal sealed class BenchHost : ReportingHost
{
    private readonly string _keys = TestCluster.NewFolder();

    protected override void Configure(IDictionary<string, string?> settings) =>
        settings["Keys:File"] = Path.Combine(_keys, "office-keys.json");
}
