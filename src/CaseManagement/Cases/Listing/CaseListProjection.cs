using Reporting.CaseManagement.Cases.Deadlines;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Marten.Events.Aggregation;
using Reporting.Intake.Contracts;
using Reporting.Storage.Shredding;

namespace Reporting.CaseManagement.Cases.Listing;

/// <summary>
/// The case list, one entry per case stream. Each event is folded into the case's sealed state exactly as the case
/// detail folds it, and the entry is recomputed from that state: the list cannot drift from the workflow's rules. An
/// event is applied only when it is the next of its stream, so that running the projection again is harmless. Streams
/// that no report started (staff accounts, the audit, case numbers) make no entry.
/// </summary>
public sealed class CaseListProjection(SealedCaseState sealing, CaseSearchIndex search) : SingleStreamProjection<CaseListItem, Guid>
{
    // The state behind each entry this projection made, while that entry lives: folding several events of one append
    // opens the sealed state once, not once per event.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<CaseListItem, CaseState> _states = new();

    public override CaseListItem? Evolve(CaseListItem? snapshot, Guid id, IEvent @event) => (snapshot, @event.Data) switch
    {
        (null, ReportSubmitted submitted) => Entry(CaseState.Create(submitted), submitted.Report),
        (null, _) => null,
        ({ } current, _) => Next(@event, current),
    };

    private CaseListItem Next(IEvent @event, CaseListItem current)
    {
        if (@event.Version != current.Version + 1)
            return current;
        var state = (_states.TryGetValue(current, out var known) ? known : sealing.Open(current.Id, current.SealedState)).Apply(@event.Data);
        return Entry(@event.Data is StreamShredded ? SealedCaseState.Shredded(state) : state, current.Title);
    }

    private CaseListItem Entry(CaseState state, SealedEnvelope report) =>
        Entry(state, new SealedTitle(report.SealingKeyId, report.SealedDataKey, report.Fields.TryGetValue("title", out var title) ? title : []));

    private CaseListItem Entry(CaseState state, SealedTitle title)
    {
        var entry = Build(state, title);
        _states.AddOrUpdate(entry, state);
        return entry;
    }

    private CaseListItem Build(CaseState state, SealedTitle title) => new(
        state.CaseId,
        state.Version,
        state.Stage,
        state.ReceivedAt,
        DeadlineView.Next(state),
        [.. state.Assignees],
        [.. state.Recused.Order(StringComparer.Ordinal)],
        state.PendingProposal?.ProposedBy,
        state.PendingProposal?.Kind,
        state.OpenProtectionRequests,
        // A bypassed report keeps nothing searchable here: a name search must not tell that someone was accused of it.
        state.Bypassed ? [] : [.. state.RegisteredAccused.Select(accused => search.AccusedToken(accused.Name)).Distinct()],
        state.Bypassed,
        title,
        sealing.Seal(state),
        state.Number,
        state.InformantMessages);
}
