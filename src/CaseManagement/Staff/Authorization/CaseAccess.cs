namespace Reporting.CaseManagement.Staff.Authorization;

/// <summary>
/// The access rules for one action on one case, as a pure function of the policy row, the user and the case's facts.
/// Case endpoints call it after loading the case; a non-null answer is the reason to refuse with 403.
/// </summary>
public static class CaseAccess
{
    public static AccessRefusal? Check(CaseActionPolicy policy, StaffMember user, CaseAccessFacts facts)
    {
        if (!policy.Roles.Any(user.Roles.Contains))
            return AccessRefusal.MissingRole;
        if (IsRecused(user, facts))
            return AccessRefusal.Recused;
        var conditions = policy.Conditions;
        if (conditions.HasFlag(CaseConditions.Assigned) && !facts.Assignees.Contains(user.Username))
            return AccessRefusal.NotAssigned;
        if (conditions.HasFlag(CaseConditions.NotTheProposer) && facts.PendingProposalBy == user.Username)
            return AccessRefusal.OwnProposal;
        if (conditions.HasFlag(CaseConditions.NeverInvestigatedIt) && facts.Investigators.Contains(user.Username))
            return AccessRefusal.InvestigatedIt;
        if (conditions.HasFlag(CaseConditions.NeverReviewedIt) && facts.Reviewers.Contains(user.Username))
            return AccessRefusal.ReviewedIt;
        if (conditions.HasFlag(CaseConditions.NotTheRequester) && facts.PendingIdentityRequestBy == user.Username)
            return AccessRefusal.OwnIdentityRequest;
        return null;
    }

    /// <summary>
    /// Recused by their own word, or automatically when the case accuses someone with the user's own name at the
    /// user's own organization: nobody handles a report that may be about themselves.
    /// </summary>
    public static bool IsRecused(StaffMember user, CaseAccessFacts facts) =>
        facts.Recused.Contains(user.Username) || facts.RegisteredAccused.Any(accused => SamePerson(accused, user.AsPerson));

    /// <summary>
    /// True when the report accuses one of the organ's heads: such a report is bypassed straight to the level above
    /// (domain.md, Escalated), and nobody here may read more of it than the transfer record.
    /// </summary>
    public static bool AccusesAnyOf(CaseAccessFacts facts, IEnumerable<PersonAtOrganization> heads) =>
        heads.Any(head => facts.RegisteredAccused.Any(accused => SamePerson(accused, head)));

    private static bool SamePerson(PersonAtOrganization a, PersonAtOrganization b) =>
        Normalize(a.Name) == Normalize(b.Name) && Normalize(a.Organization) == Normalize(b.Organization);

    /// <summary>Registers write names with stray spaces and mixed case (汉字 names with spaces between characters, Latin names in any case).</summary>
    private static string Normalize(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
