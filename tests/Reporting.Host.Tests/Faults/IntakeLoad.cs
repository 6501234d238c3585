using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reporting.Host.Tests.Faults;

/// <summary>
/// Informants submitting reports as fast as the host takes them, from several clients at once, against whichever host
/// <see cref="Target"/> names at the moment: every receipt the host answered with is kept, and every other outcome
/// counted by what it was (a status, or the connection failing), with when each client last saw a receipt.
/// </summary>
internal sealed class IntakeLoad
{
    private static readonly string Body = new JsonObject
    {
        ["report"] = new JsonObject
        {
            ["accused"] = new JsonArray(new JsonObject { ["name"] = "张三", ["position"] = "局长", ["organization"] = "某市交通运输局" }),
            ["categories"] = new JsonArray("integrity"),
            ["title"] = "工程项目中收受回扣",
            ["details"] = "二〇二六年三月以来，在道路工程招标中多次收受中标企业回扣。",
            ["language"] = "zh-CN",
        },
    }.ToJsonString();

    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _clients;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _inFlight;
    private long _lastReceiptTicks = -1;

    private IntakeLoad(Uri target, int clients)
    {
        Target = target;
        _clients = Enumerable.Range(0, clients).Select(_ => Task.Run(RunAsync)).ToArray();
    }

    public volatile Uri Target;

    public ConcurrentQueue<string> Receipts { get; } = new();

    /// <summary>"201", "503 application/problem+json Retry-After 5", "connection" (refused or reset), and so on, with their counts.</summary>
    public ConcurrentDictionary<string, int> Outcomes { get; } = new();

    /// <summary>Requests sent and not yet answered: at a kill, the most whose outcome the client never learns.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>When, on this load's clock, the latest receipt came.</summary>
    public TimeSpan? LastReceipt => Interlocked.Read(ref _lastReceiptTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

    public static IntakeLoad Start(Uri target, int clients) => new(target, clients);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clients);
    }

    public string Histogram() => string.Join(", ", Outcomes.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}×{pair.Value}"));

    private async Task RunAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        while (!_stop.IsCancellationRequested)
        {
            var outcome = await SubmitOnceAsync(client);
            Outcomes.AddOrUpdate(outcome, 1, (_, count) => count + 1);
            if (outcome is not "201")
                await Task.Delay(50);
        }
    }

    private async Task<string> SubmitOnceAsync(HttpClient client)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            using var content = new StringContent(Body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri(Target, "/api/intake/reports"), content);
            if (response.StatusCode != HttpStatusCode.Created)
                return $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}{(response.Headers.RetryAfter is { } after ? $" Retry-After {after}" : "")}";
            var receipt = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("receipt").GetString()!;
            Receipts.Enqueue(receipt);
            Interlocked.Exchange(ref _lastReceiptTicks, _clock.Elapsed.Ticks);
            return "201";
        }
        catch (HttpRequestException)
        {
            return "connection";
        }
        catch (TaskCanceledException)
        {
            return "timeout";
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
