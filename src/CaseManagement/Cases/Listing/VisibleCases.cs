using System.Text;
using Reporting.CaseManagement.Cases.Opening;
using Reporting.CaseManagement.Staff.Authorization;
using Reporting.EventStore;
using Reporting.EventStore.Documents;
using Reporting.EventStore.Sessions;

namespace Reporting.CaseManagement.Cases.Listing;

/// <summary>What every view over the case list shares: which cases a user may see there, and their titles opened.</summary>
public sealed class VisibleCases(CaseSearchIndex search, SealedCaseState sealing, OfficeEnvelopes envelopes)
{
    /// <summary>The list without the cases the user recused themselves from.</summary>
    public DocumentQuery<CaseListItem> Query(IQuerySession session, StaffMember user) =>
        session.Query<CaseListItem>().Where(item => !item.Recused.Contains(user.Username));

    /// <summary>
    /// Drops cases that accuse the user: a case with a namesake among its accused is opened and checked by name and
    /// organization, as the case's own access check does, so nobody sees a report about themselves.
    /// </summary>
    public IEnumerable<CaseListItem> Visible(IEnumerable<CaseListItem> items, StaffMember user)
    {
        var ownName = search.AccusedToken(user.DisplayName);
        return items.Where(item => !item.SearchTokens.Contains(ownName)
            || !CaseAccess.IsRecused(user, CaseStreamAccessFacts.From(sealing.Open(item.Id, item.SealedState))));
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
