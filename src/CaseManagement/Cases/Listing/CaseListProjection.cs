using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.EventStore.Events;
using Reporting.EventStore.Projections;
using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Cases.Listing;

/// <summary>
/// The case list, one entry per case stream. Each event is folded into the case's sealed state exactly as the case
/// detail folds it, and the entry is recomputed from that state: the list cannot drift from the workflow's rules. An
/// event is applied only when it is the next of its stream, so that running the projection again is harmless.
/// </summary>
public sealed class CaseListProjection(SealedCaseState sealing, CaseSearchIndex search) : SingleStreamProjection<CaseListItem, Guid>
{
    public CaseListItem Create(IEvent<ReportSubmitted> submitted) => Entry(CaseState.Create(submitted.Data), submitted.Data.Report);

    public CaseListItem Apply(IEvent<object> @event, CaseListItem current)
    {
        if (@event.Version != current.Version + 1)
            return current;
        var state = sealing.Open(current.Id, current.SealedState).Apply(@event.Data);
        return Entry(state, current.Title);
    }

    private CaseListItem Entry(CaseState state, SealedEnvelope report) =>
        Entry(state, new SealedTitle(report.SealingKeyId, report.SealedDataKey, report.Fields.TryGetValue("title", out var title) ? title : []));

    private CaseListItem Entry(CaseState state, SealedTitle title) => new(
        state.CaseId,
        state.Version,
        state.Stage,
        state.ReceivedAt,
        DeadlineView.Next(state),
        [.. state.Assignees],
        [.. state.Recused.Order(StringComparer.Ordinal)],
        state.PendingProposal?.ProposedBy,
        state.OpenProtectionRequests,
        // A bypassed report keeps nothing searchable here: a name search must not tell that someone was accused of it.
        state.Bypassed ? [] : [.. (state.Registration?.Accused ?? []).Select(accused => search.AccusedToken(accused.Name)).Distinct()],
        state.Bypassed,
        title,
        sealing.Seal(state));
}
