using Microsoft.Extensions.Logging;
using Reporting.CaseManagement.Cases.Assigning;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.MarkingDuplicate;
using Reporting.CaseManagement.Cases.Opening;
using Reporting.CaseManagement.Cases.Registering;
using Reporting.CaseManagement.Cases.Viewing;
using Reporting.CaseManagement.Staff.Accounts;
using Reporting.CaseManagement.Staff.Audit;
using Marten;
using Reporting.Storage.Conflicts;

namespace Reporting.CaseManagement.Cases.Acting;

/// <summary>
/// Takes one action on a case, for the API and the workbench alike: decides it on the case as it stands and appends
/// what was decided, checked against the version it was decided on. Given the version the caller saw, a case that has
/// moved on since is <see cref="ActionOutcome.Stale"/>; without it, a race with another writer is decided again on the
/// newer case. A registration that loses the race for a case number to another registration draws the next number and
/// tries again.
/// </summary>
internal sealed class CaseActionTaking(IDocumentStore store, WorkingCalendar calendar, OfficeEnvelopes envelopes,
    IAuditTrail audit, IStaffAccounts accounts, TimeProvider time, Telemetry.CaseMetrics metrics, ILogger<CaseActionTaking> logger)
{
    private const int Attempts = 3;

    /// <summary>Registrations racing for case numbers each lose at most once per other registration of the moment.</summary>
    private const int NumberAttempts = 32;

    /// <param name="body">The action's body as the contract gives it in JSON.</param>
    public async Task<ActionOutcome> TakeAsync(Guid caseId, CaseAction caseAction, ReadOnlyMemory<byte> body, long? expectedVersion, Actor actor, CancellationToken cancellationToken)
    {
        var outcome = await DecideAsync(caseId, caseAction, body, expectedVersion, actor, cancellationToken);
        metrics.Acted(caseAction.Name, outcome switch
        {
            ActionOutcome.Taken => "taken",
            ActionOutcome.Invalid => "invalid",
            ActionOutcome.Refused { Refusal.Kind: RefusalKind.Forbidden } => "forbidden",
            ActionOutcome.Refused => "refused",
            ActionOutcome.Stale => "stale",
            _ => "not-found",
        });
        return outcome;
    }

    private async Task<ActionOutcome> DecideAsync(Guid caseId, CaseAction caseAction, ReadOnlyMemory<byte> body, long? expectedVersion, Actor actor, CancellationToken cancellationToken)
    {
        for (var (attempt, numberAttempt) = (1, 1); ; )
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<CaseState>(caseId, cancellationToken);
            if (stream.Aggregate is not { } state)
                return new ActionOutcome.NotFound();
            if (expectedVersion is { } expected && expected != state.Version)
                return new ActionOutcome.Stale(state.Version);

            var (command, errors) = ActionBodies.Bind(caseAction, body, state);
            if (errors is not null)
                return new ActionOutcome.Invalid(errors, null);
            // Facts from beyond the case (another case, the staff accounts, the year's case numbers) are looked up only
            // once the action is otherwise allowed, so that a refusal for role or stage reads as it always does.
            var allowed = caseAction.Guard(state, actor) is null;
            if (command is MarkDuplicate duplicate && allowed
                && duplicate.OfCaseId != Guid.Empty && duplicate.OfCaseId != caseId
                && !await MarkDuplicateDecider.OriginalExistsAsync(session, duplicate, cancellationToken))
                return new ActionOutcome.Invalid(new Dictionary<string, string[]> { ["ofCaseId"] = ["There is no case with this id."] }, null);
            if (command is Assign assign && allowed
                && await AssignDecider.UnfitAssigneesAsync(accounts, assign, cancellationToken) is { } unfit)
                return new ActionOutcome.Invalid(unfit, null);
            var now = time.GetUtcNow();
            var number = command is RegisterCase && allowed
                ? await CaseNumbers.NextAsync(session, now, cancellationToken)
                : null;
            if (number is not null)
                command = (RegisterCase)command! with { Number = number.Number };
            IReadOnlyList<object> decided;
            try
            {
                decided = caseAction.Decide(state, command!, actor, now, calendar);
            }
            catch (CaseActionRefusedException refused)
            {
                return refused.Refusal.Kind == RefusalKind.Invalid
                    ? new ActionOutcome.Invalid(refused.Refusal.Errors ?? new Dictionary<string, string[]> { ["body"] = [refused.Refusal.Message] }, refused.Refusal.Message)
                    : new ActionOutcome.Refused(refused.Refusal);
            }
            stream.AppendMany([.. decided]);
            if (number is not null)
                session.Events.Append(number.Stream, number.Version, new CaseNumberIssued(caseId, number.Number, now));
            try
            {
                await session.SaveChangesAsync(cancellationToken);
            }
            catch (Exception conflict) when (WriteRaces.Lost(conflict))
            {
                // Marten names the first stream of the unit of work whichever one lost, so the case's own version tells
                // whether the case moved on or only the year's counter did.
                if (number is not null && numberAttempt < NumberAttempts && !await CaseMovedAsync(caseId, stream.StartingVersion ?? 0, cancellationToken))
                {
                    numberAttempt++;
                    continue;
                }
                if (expectedVersion is null && attempt < Attempts)
                {
                    attempt++;
                    continue;
                }
                return new ActionOutcome.Stale(null);
            }
            logger.LogInformation(
                "Case {CaseId}: {Action} by {Username} appended {Count} events", caseId, caseAction.Name, actor.Username, decided.Count);
            return new ActionOutcome.Taken((await GetCaseEndpoint.LoadAsync(store, caseId, actor, now, envelopes, audit, cancellationToken))!);
        }
    }

    private async Task<bool> CaseMovedAsync(Guid caseId, long decidedOn, CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        return (await query.Events.FetchStreamStateAsync(caseId, cancellationToken))?.Version != decidedOn;
    }
}

/// <summary>What became of an action: taken (the case as it now is), or why not.</summary>
internal abstract record ActionOutcome
{
    public sealed record Taken(CaseDetail Case) : ActionOutcome;

    /// <param name="Errors">By field path, as the contract names the fields.</param>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors, string? Detail) : ActionOutcome;

    /// <summary>Not for this user, or not at this stage.</summary>
    public sealed record Refused(Refusal Refusal) : ActionOutcome;

    /// <param name="CurrentVersion">The version the case is at, when it had moved on before the action was decided.</param>
    public sealed record Stale(long? CurrentVersion) : ActionOutcome;

    public sealed record NotFound : ActionOutcome;
}
