using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.Listing;

namespace Reporting.CaseManagement.Telemetry;

/// <summary>
/// Counts the overdue cases for <see cref="CaseMetrics"/> once per interval (<c>Telemetry:OverdueInterval</c>, a
/// minute by default), off the metrics' own collection thread: an exporter's callback must not wait on the database.
/// </summary>
internal sealed class OverdueCounting(IDocumentStore store, CaseMetrics metrics, TimeProvider time, IConfiguration configuration, ILogger<OverdueCounting> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue("Telemetry:OverdueInterval", TimeSpan.FromMinutes(1)), time);
        do
        {
            try
            {
                await CountAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The gauge keeps its last count; the next pass retries.
                logger.LogWarning(exception, "Counting the overdue cases failed; the next pass retries");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task CountAsync(CancellationToken cancellationToken)
    {
        var today = WorkingCalendar.DateInChina(time.GetUtcNow());
        await using var query = store.QuerySession();
        var stages = await query.Query<CaseListItem>().Where(item => item.NextDeadline < today).Select(item => item.Stage).ToListAsync(cancellationToken);
        metrics.Overdue(stages.CountBy(stage => stage).ToDictionary(stage => stage.Key, stage => (long)stage.Value));
    }
}
