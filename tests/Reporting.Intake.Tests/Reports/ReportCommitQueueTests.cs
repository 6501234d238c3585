using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Marten;
using JasperFx;
using Marten.Exceptions;
using Reporting.Intake.Contracts;
using Reporting.Intake.Receipts;
using Reporting.Intake.Reports.Submitting;
using Reporting.Intake.Sealing;
using Reporting.Intake.Tests.Http;

namespace Reporting.Intake.Tests.Reports;

/// <summary>
/// The group commit queue driven directly against the real database. To hold a writer busy, the test inserts the
/// case's row into Marten's <c>mt_streams</c> in a transaction it keeps open: a report for that case id, once taken
/// into a batch, waits in PostgreSQL on that key until the test rolls back, and the queue behind it is what the test
/// looks at.
/// </summary>
public sealed class ReportCommitQueueTests(IntakeHost host) : IClassFixture<IntakeHost>
{
    [Fact]
    public async Task A_report_whose_case_already_exists_fails_alone_and_the_rest_of_its_batch_is_kept()
    {
        var existing = Submitted();
        await StartStreamAsync(existing);
        await using var queue = Queue(maxInFlight: 1);
        var first = Submitted();
        var others = Enumerable.Range(0, 5).Select(_ => Submitted()).ToList();

        Task[] batch;
        await using (var held = await HoldAsync(first.CaseId))
        {
            var committing = queue.CommitAsync(first.CaseId, first, CancellationToken.None);
            await held.WaitUntilBlockedAsync();
            // These wait together behind the held one and are taken as one batch.
            batch = [
                .. others.Take(2).Select(report => queue.CommitAsync(report.CaseId, report, CancellationToken.None)),
                queue.CommitAsync(existing.CaseId, Submitted(existing.CaseId), CancellationToken.None),
                .. others.Skip(2).Select(report => queue.CommitAsync(report.CaseId, report, CancellationToken.None)),
            ];
            Assert.DoesNotContain(batch, task => task.IsCompleted);
            await held.ReleaseAsync();
            await committing;
        }

        var collision = await Assert.ThrowsAsync<ExistingStreamIdCollisionException>(() => batch[2]);
        Assert.Equal(existing.CaseId, collision.Id);
        await Task.WhenAll(batch.Where((_, index) => index != 2));
        foreach (var report in others.Append(first))
            Assert.True(await IsStoredAsync(report.CaseId));
        Assert.Equal(existing.ReceiptLookupId, await StoredLookupIdAsync(existing.CaseId));
    }

    [Fact]
    public async Task Reports_that_wait_while_a_batch_commits_are_committed_together_in_the_next()
    {
        await using var queue = Queue(maxInFlight: 1);
        var first = Submitted();
        var waiting = Enumerable.Range(0, 6).Select(_ => Submitted()).ToList();

        await using (var held = await HoldAsync(first.CaseId))
        {
            var committing = queue.CommitAsync(first.CaseId, first, CancellationToken.None);
            await held.WaitUntilBlockedAsync();
            var next = waiting.Select(report => queue.CommitAsync(report.CaseId, report, CancellationToken.None)).ToList();
            await held.ReleaseAsync();
            await committing;
            await Task.WhenAll(next);
        }

        // One unit of work is one transaction: the six share its id, and the held one has another.
        Assert.Equal(1, await TransactionCountAsync(waiting.Select(report => report.CaseId)));
        Assert.Equal(2, await TransactionCountAsync(waiting.Append(first).Select(report => report.CaseId)));
    }

    [Fact]
    public async Task A_report_cancelled_while_waiting_is_not_stored_and_one_cancelled_once_taken_is()
    {
        await using var queue = Queue(maxInFlight: 1);
        var (taken, withdrawn, after) = (Submitted(), Submitted(), Submitted());
        using var takenRequest = new CancellationTokenSource();
        using var withdrawnRequest = new CancellationTokenSource();

        Task takenTask, withdrawnTask, afterTask;
        await using (var held = await HoldAsync(taken.CaseId))
        {
            takenTask = queue.CommitAsync(taken.CaseId, taken, takenRequest.Token);
            await held.WaitUntilBlockedAsync();
            withdrawnTask = queue.CommitAsync(withdrawn.CaseId, withdrawn, withdrawnRequest.Token);
            afterTask = queue.CommitAsync(after.CaseId, after, CancellationToken.None);

            // Both requests go away: one while its report waits, one while its report is being committed.
            await takenRequest.CancelAsync();
            await withdrawnRequest.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawnTask);
            Assert.False(takenTask.IsCompleted);
            await held.ReleaseAsync();
        }

        await takenTask;
        await afterTask;
        Assert.True(await IsStoredAsync(taken.CaseId));
        Assert.True(await IsStoredAsync(after.CaseId));
        Assert.False(await IsStoredAsync(withdrawn.CaseId));
    }

    [Fact]
    public async Task Reports_still_queued_when_the_queue_is_disposed_are_committed_before_it_ends()
    {
        var queue = Queue(maxInFlight: 1);
        var first = Submitted();
        var queued = Enumerable.Range(0, 4).Select(_ => Submitted()).ToList();
        ValueTask disposing;
        List<Task> tasks;
        await using (var held = await HoldAsync(first.CaseId))
        {
            var committing = queue.CommitAsync(first.CaseId, first, CancellationToken.None);
            await held.WaitUntilBlockedAsync();
            tasks = [committing, .. queued.Select(report => queue.CommitAsync(report.CaseId, report, CancellationToken.None))];
            disposing = queue.DisposeAsync();
            Assert.False(disposing.IsCompleted);
            await held.ReleaseAsync();
        }
        await disposing;

        Assert.All(tasks, task => Assert.True(task.IsCompletedSuccessfully));
        foreach (var report in queued)
            Assert.True(await IsStoredAsync(report.CaseId));

        // One submitted after the writers ended is still kept, on its own.
        var late = Submitted();
        await queue.CommitAsync(late.CaseId, late, CancellationToken.None);
        Assert.True(await IsStoredAsync(late.CaseId));
    }

    private ReportCommitQueue Queue(int maxInFlight) =>
        new(host.Services.GetRequiredService<Reporting.Storage.Confinement.StreamConfinedSessions>(), Options.Create(new IntakeOptions { GroupCommit = { MaxBatch = 64, MaxInFlight = maxInFlight } }));

    private IDocumentStore Store => host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>A sealed report as Intake files it, for a new receipt or for the case id given.</summary>
    private ReportSubmitted Submitted(Guid? caseId = null)
    {
        var receipt = ReceiptCode.Generate();
        var id = caseId ?? ReceiptKeys.CaseId(receipt);
        using var mailbox = Mailbox.For(receipt);
        var content = Envelopes.Seal(host.Services.GetRequiredService<IOfficeSealingKeyProvider>().Required(), id, new Dictionary<string, byte[]>
        {
            ["title"] = Encoding.UTF8.GetBytes("标题"),
            ["report"] = Encoding.UTF8.GetBytes("{}"),
        });
        return new ReportSubmitted(id, ReceiptKeys.LookupId(receipt), mailbox.PublicKey, content, null, "zh-CN", DateTimeOffset.UtcNow);
    }

    private async Task StartStreamAsync(ReportSubmitted submitted)
    {
        await using var session = Store.LightweightSession();
        session.Events.StartStream(submitted.CaseId, submitted);
        await session.SaveChangesAsync();
    }

    private async Task<bool> IsStoredAsync(Guid caseId)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamAsync(caseId)).Any(@event => @event.Data is ReportSubmitted);
    }

    private async Task<string?> StoredLookupIdAsync(Guid caseId)
    {
        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(caseId);
        Assert.Single(events);
        return ((ReportSubmitted)events[0].Data).ReceiptLookupId;
    }

    private async Task<long> TransactionCountAsync(IEnumerable<Guid> caseIds)
    {
        await using var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT count(DISTINCT xmin::text) FROM mt_events WHERE stream_id = ANY($1)", connection)
        {
            Parameters = { new NpgsqlParameter { Value = caseIds.ToArray() } },
        };
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<HeldStream> HoldAsync(Guid caseId)
    {
        var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("INSERT INTO mt_streams (id, version) VALUES ($1, 0)", connection, transaction)
        {
            Parameters = { new NpgsqlParameter { Value = caseId } },
        };
        await command.ExecuteNonQueryAsync();
        return new HeldStream(connection, transaction);
    }

    /// <summary>The stream row Marten's append inserts for a new stream, held uncommitted by the test in a transaction of its own.</summary>
    private sealed class HeldStream(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        private bool _released;

        /// <summary>Returns once a writer waits for the lock, i.e. once the held report is in a batch being committed.</summary>
        public async Task WaitUntilBlockedAsync()
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            // Inside a transaction PostgreSQL answers from the activity snapshot it took at the first read, so the
            // snapshot is cleared before each look, or a writer that arrives after the first look is never seen.
            await using var clear = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", connection, transaction);
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection, transaction);
            while (true)
            {
                await clear.ExecuteNonQueryAsync();
                if ((long)(await command.ExecuteScalarAsync())! > 0)
                    return;
                Assert.True(DateTime.UtcNow < deadline, "No writer came to wait for the held stream.");
                await Task.Delay(10);
            }
        }

        public async Task ReleaseAsync()
        {
            if (_released)
                return;
            _released = true;
            await transaction.RollbackAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await ReleaseAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
