using Marten;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Contracts;
using Reporting.Intake.Contracts;
using Xunit;

namespace Reporting.Testing;

/// <summary>
/// Case streams of a past month, written straight to the event store: the workflow stamps events with the present,
/// but statistics are published only for periods that have ended. Each case is a report received at the given time
/// followed by the events given, all at that time; the statistics daemon counts them as it would any case.
/// </summary>
public static class PastCases
{
    public static async Task RecordAsync(IServiceProvider services, DateTimeOffset receivedAt, int count, Func<DateTimeOffset, object[]> then)
    {
        receivedAt = receivedAt.ToUniversalTime();
        var envelope = new SealedEnvelope("none", [0], new Dictionary<string, byte[]>());
        await using var session = services.GetRequiredService<IDocumentStore>().LightweightSession();
        for (var number = 0; number < count; number++)
        {
            var caseId = Guid.NewGuid();
            var submitted = new ReportSubmitted(caseId, $"lookup-{caseId:N}", new byte[32], envelope, null, "zh-CN", receivedAt);
            session.Events.StartStream(caseId, [submitted, .. then(receivedAt)]);
        }
        await session.SaveChangesAsync();
    }

    /// <summary>Waits until the daemon has counted at least <paramref name="expected"/> of <paramref name="counter"/> in the month (<c>yyyy-MM</c>).</summary>
    public static async Task WaitForCountAsync(IServiceProvider services, string month, string counter, int expected)
    {
        var counts = services.GetRequiredService<IMonthlyCaseCounts>();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var months = await counts.ForMonthsAsync([month], default);
            if (months.TryGetValue(month, out var counters) && counters.GetValueOrDefault(counter) >= expected)
                return;
            await Task.Delay(50);
        }
        Assert.Fail($"The statistics daemon did not count {expected} {counter} in {month}.");
    }
}
