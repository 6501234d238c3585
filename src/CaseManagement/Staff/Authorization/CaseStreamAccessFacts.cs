using Reporting.CaseManagement.Cases;
using Marten;

namespace Reporting.CaseManagement.Staff.Authorization;

/// <summary>The access facts of a case, folded from its stream.</summary>
internal sealed class CaseStreamAccessFacts(IDocumentStore store) : ICaseAccessFacts
{
    public async Task<CaseAccessFacts?> LoadAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var state = await session.Events.AggregateStreamAsync<CaseState>(caseId, token: cancellationToken);
        return state is null ? null : From(state);
    }

    public static CaseAccessFacts From(CaseState state) => new(
        new HashSet<string>(state.Assignees, StringComparer.Ordinal),
        state.Recused,
        state.PendingProposal?.ProposedBy,
        state.Investigators,
        state.Reviewers,
        state.PendingIdentityRequest?.By,
        [.. state.RegisteredAccused.Select(accused => new PersonAtOrganization(accused.Name, accused.Organization ?? ""))]);
}
