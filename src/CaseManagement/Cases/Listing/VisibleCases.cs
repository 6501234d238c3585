using System.Text;
using Reporting.CaseManagement.Cases.Opening;
using Reporting.CaseManagement.Staff.Authorization;
using Marten;
using Marten.Pagination;

namespace Reporting.CaseManagement.Cases.Listing;

/// <summary>What every view over the case list shares: which cases a user may see there, and their titles opened.</summary>
public sealed class VisibleCases(CaseSearchIndex search, SealedCaseState sealing, OfficeEnvelopes envelopes)
{
    /// <summary>
    /// The list as the user may see it, narrowed by <paramref name="filter"/>: without the cases they recused from, and
    /// without those that accuse them. Nobody sees a report about themselves, nor learns from a total that one exists:
    /// cases with a namesake among their accused are few, so each is opened and checked by name and organization, as
    /// the case's own access check does, and those about the user are left out of the query itself.
    /// </summary>
    /// <returns>A maker of fresh queries, so that a page and its total can be read at once on two connections.</returns>
    public async Task<Func<IQueryable<CaseListItem>>> QueryAsync(
        IQuerySession session, StaffMember user, Func<IQueryable<CaseListItem>, IQueryable<CaseListItem>> filter, CancellationToken cancellationToken)
    {
        IQueryable<CaseListItem> Filtered() => filter(session.Query<CaseListItem>().Where(item => !item.Recused.Contains(user.Username)));
        var ownName = search.AccusedToken(user.DisplayName);
        var namesakes = await Filtered().Where(item => item.SearchTokens.Contains(ownName)).ToListAsync(cancellationToken);
        var aboutUser = namesakes.Where(item => CaseAccess.IsRecused(user, CaseStreamAccessFacts.From(sealing.Open(item.Id, item.SealedState))))
            .Select(item => item.Id).ToList();
        return () =>
        {
            var query = Filtered();
            foreach (var id in aboutUser)
                query = query.Where(item => item.Id != id);
            return query;
        };
    }

    /// <summary>The title as the informant wrote it; null for a report that went up because it accuses this organ's head.</summary>
    public string? Title(CaseListItem item)
    {
        if (item.Bypassed)
            return null;
        var title = envelopes.OpenField(item.Title.SealingKeyId, item.Title.SealedDataKey, item.Id, "title", item.Title.Field);
        return title is null ? "" : Encoding.UTF8.GetString(title);
    }
}
