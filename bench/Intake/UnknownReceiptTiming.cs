using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Marten;
using Reporting.Intake.Receipts;

namespace Reporting.Intake.Bench;

/// <summary>
/// Whether an unknown receipt's 404 takes longer when a stream (planted, or a collision) sits at the receipt's case id
/// than when nothing does: the median of back-to-back paired differences, so that load elsewhere falls on both alike.
/// </summary>
internal static class UnknownReceiptTiming
{
    private sealed record PlantedEvent(string Note);

    public static async Task<(double NeverIssuedMs, double ForeignStreamMs, double PairedDifferenceMs)> MeasureAsync(IServiceProvider services, HttpClient client, int rounds)
    {
        var planted = Enumerable.Range(0, 20).Select(_ => ReceiptCode.Generate()).ToArray();
        await using (var session = services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            foreach (var receipt in planted)
                session.Events.StartStream(ReceiptKeys.CaseId(receipt), new PlantedEvent("not a report"));
            await session.SaveChangesAsync();
        }
        for (var warmUp = 0; warmUp < 100; warmUp++)
            await TimedNotFoundAsync(client, ReceiptCode.Generate().Display);

        var never = new List<double>();
        var foreign = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            never.Add(await TimedNotFoundAsync(client, ReceiptCode.Generate().Display));
            foreign.Add(await TimedNotFoundAsync(client, planted[round % planted.Length].Display));
        }
        return (Median(never), Median(foreign), Math.Abs(Median(foreign.Zip(never, (a, b) => a - b).ToList())));
    }

    private static async Task<double> TimedNotFoundAsync(HttpClient client, string receipt)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostAsync(new Uri("/api/intake/status", UriKind.Relative), JsonContent.Create(new { receipt }));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.NotFound)
            throw new InvalidOperationException($"An unknown receipt answered {(int)response.StatusCode}.");
        return elapsed;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2;
    }
}
