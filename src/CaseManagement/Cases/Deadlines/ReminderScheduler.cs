using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.CaseManagement.Cases.Listing;
using Marten;
using JasperFx;
using JasperFx.Events;
using Marten.Exceptions;

namespace Reporting.CaseManagement.Cases.Deadlines;

/// <summary>
/// Appends the content-free reminders (<see cref="DeadlineReminders"/>) to every case with a deadline near or past,
/// once per interval (<c>Cases:Reminders:Interval</c>, an hour by default). Several hosts may run it at once: each
/// append is checked against the version it was decided on, and a case already reminded today is not reminded again.
/// </summary>
internal sealed class ReminderScheduler(IDocumentStore store, WorkingCalendar calendar, TimeProvider time, IConfiguration configuration, ILogger<ReminderScheduler> logger)
    : BackgroundService
{
    private const int PageSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Cases:Reminders:Interval", TimeSpan.FromHours(1));
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                var reminded = await RemindAsync(stoppingToken);
                if (reminded > 0)
                    logger.LogInformation("Deadline reminders appended to {Count} cases", reminded);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next pass retries; reminders are at most a day late, never lost.
                logger.LogError(exception, "Deadline reminders failed; the next pass retries");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over the cases whose earliest running deadline is within reach; returns how many were reminded.</summary>
    public async Task<int> RemindAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var horizon = calendar.AddWorkingDays(WorkingCalendar.DateInChina(now), DeadlineReminders.WorkingDaysAhead);
        var reminded = 0;
        for (var page = 1; ; page++)
        {
            IReadOnlyList<Guid> due;
            await using (var query = store.QuerySession())
                due = [.. (await query.Query<CaseListItem>().Where(item => item.NextDeadline <= horizon)
                    .OrderBy(item => item.ReceivedAt).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken)).Select(item => item.Id)];
            foreach (var caseId in due)
                if (await RemindAsync(caseId, now, cancellationToken))
                    reminded++;
            if (due.Count < PageSize)
                return reminded;
        }
    }

    private async Task<bool> RemindAsync(Guid caseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<CaseState>(caseId, cancellationToken);
        if (stream.Aggregate is not { } state || DeadlineReminders.Due(state, now, calendar) is not { Count: > 0 } reminders)
            return false;
        stream.AppendMany([.. reminders]);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (ConcurrencyException)
        {
            // Another host or a staff action moved the case on; the next pass decides again on the newer case.
            return false;
        }
    }
}
