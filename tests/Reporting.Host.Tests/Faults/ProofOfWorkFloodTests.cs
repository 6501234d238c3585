using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reporting.Testing;
using Xunit.Abstractions;

namespace Reporting.Host.Tests.Faults;

/// <summary>
/// Twelve clients that solve every proof of work and submit as fast as the global bucket lets them, for twenty
/// seconds, against a bucket of 50 at once and 10 a second (a fifth of the default, so that the flood meets it even on
/// a busy two-core machine) and a cheap difficulty (12 bits, so that the flood is limited by the bucket, not by the
/// machine); beside them one informant submitting a report every
/// two seconds and retrying as <c>Retry-After</c> says. The bucket holds the total to its rate, the informant's
/// every report gets its receipt, and the host's memory stays bounded; the figures are printed.
/// </summary>
public sealed class ProofOfWorkFloodTests(ITestOutputHelper output) : PostgresDatabase
{
    private const int Difficulty = 12;
    private const int FloodClients = 12;
    private const int Burst = 50;
    private const int Refill = 10;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_flood_that_pays_every_proof_of_work_is_held_to_the_buckets_rate_and_an_informant_still_gets_through()
    {
        await using var host = await HostProcess.ServeAsync(ConnectionString, "flooded-host", Path.Combine(TestCluster.NewFolder(), "office-keys.json"),
            $"--Intake:ProofOfWork:Difficulty={Difficulty}", $"--Intake:Flood:BurstSize={Burst}", $"--Intake:Flood:RefillPerSecond={Refill}");
        var startMiB = host.ResidentMiB;
        using var stop = new CancellationTokenSource(Duration);
        var flood = new int[3]; // receipts, 429s, other
        var clock = Stopwatch.StartNew();
        var peakMiB = startMiB;
        var sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakMiB = Math.Max(peakMiB, host.ResidentMiB);
                await Task.Delay(250);
            }
        });
        var flooders = Enumerable.Range(0, FloodClients).Select(_ => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = host.BaseAddress };
            while (!stop.IsCancellationRequested)
            {
                var status = await SubmitAsync(client);
                Interlocked.Increment(ref flood[status == HttpStatusCode.Created ? 0 : status == HttpStatusCode.TooManyRequests ? 1 : 2]);
            }
        })).ToArray();
        var informant = Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = host.BaseAddress };
            var reports = new List<(int Attempts, TimeSpan Took)>();
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.StartNew();
                var attempts = 1;
                while (await SubmitAsync(client) != HttpStatusCode.Created && started.Elapsed < TimeSpan.FromSeconds(60))
                {
                    attempts++;
                    await Task.Delay(TimeSpan.FromSeconds(1)); // Retry-After: 1
                }
                reports.Add((attempts, started.Elapsed));
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
            return reports;
        });
        await Task.WhenAll(flooders);
        var informantReports = await informant;
        var seconds = clock.Elapsed.TotalSeconds;
        await sampling;
        var endMiB = host.ResidentMiB;

        var accepted = flood[0] + informantReports.Count;
        var attemptsSorted = informantReports.Select(report => report.Attempts).Order().ToArray();
        var tookSorted = informantReports.Select(report => report.Took.TotalSeconds).Order().ToArray();
        output.WriteLine($"{FloodClients} flooding clients at difficulty {Difficulty} for {seconds:F1} s: {flood[0]} receipts ({flood[0] / seconds:F1}/s), {flood[1]} refused 429, {flood[2]} other");
        output.WriteLine($"the informant: {informantReports.Count} reports, each acknowledged; attempts median {attemptsSorted[attemptsSorted.Length / 2]}, max {attemptsSorted[^1]}; " +
            $"seconds to the receipt median {tookSorted[tookSorted.Length / 2]:F2}, max {tookSorted[^1]:F2}");
        output.WriteLine($"host resident memory: {startMiB:F0} MiB at the start, {peakMiB:F0} MiB at the peak, {endMiB:F0} MiB at the end");

        // One token a report, taken once its proof of work checks (challenges take none): the total is the bucket's
        // burst and refill at most.
        Assert.InRange(accepted, 1, Burst + Refill * seconds + FloodClients);
        Assert.True(flood[1] > 0, "the flood never met the bucket: it was not a flood");
        Assert.Equal(0, flood[2]);
        Assert.NotEmpty(informantReports);
        Assert.All(informantReports, report => Assert.True(report.Took < TimeSpan.FromSeconds(60), $"a report waited {report.Took.TotalSeconds:F0} s"));
        Assert.True(peakMiB < 1024, $"the host grew to {peakMiB:F0} MiB");
    }

    private static readonly string Report = new JsonObject
    {
        ["accused"] = new JsonArray(new JsonObject { ["name"] = "张三", ["position"] = "局长", ["organization"] = "某市交通运输局" }),
        ["categories"] = new JsonArray("integrity"),
        ["title"] = "工程项目中收受回扣",
        ["details"] = "二〇二六年三月以来，在道路工程招标中多次收受中标企业回扣。",
        ["language"] = "zh-CN",
    }.ToJsonString();

    /// <summary>One report as the contract has it: a challenge, its proof of work solved, the report; the final status.</summary>
    private static async Task<HttpStatusCode> SubmitAsync(HttpClient client)
    {
        using var issued = await client.PostAsync(new Uri("/api/intake/challenges", UriKind.Relative), null);
        if (issued.StatusCode != HttpStatusCode.Created)
            return issued.StatusCode;
        var challenge = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("challenge").GetString()!;
        var nonce = Solve(challenge);
        var body = $$$"""{"report":{{{Report}}},"proofOfWork":{"challenge":"{{{challenge}}}","nonce":"{{{nonce}}}"}}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var submitted = await client.PostAsync(new Uri("/api/intake/reports", UriKind.Relative), content);
        return submitted.StatusCode;
    }

    /// <summary>The contract's proof of work, from its text: the first decimal nonce whose SHA-256 of "challenge:nonce" starts with enough zero bits.</summary>
    private static string Solve(string challenge)
    {
        for (long nonce = 0; ; nonce++)
        {
            var text = nonce.ToString(CultureInfo.InvariantCulture);
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{challenge}:{text}"));
            var zeroBits = 0;
            foreach (var value in hash)
            {
                if (value != 0)
                {
                    zeroBits += System.Numerics.BitOperations.LeadingZeroCount(value) - 24;
                    break;
                }
                zeroBits += 8;
            }
            if (zeroBits >= Difficulty)
                return text;
        }
    }
}
