namespace Reporting.CaseManagement.Staff.Authorization;

/// <summary>Why an action on a case was refused. Each becomes a 403 problem response and an audit entry.</summary>
public enum AccessRefusal
{
    MissingRole,
    Recused,
    NotAssigned,
    OwnProposal,
    InvestigatedIt,
    ReviewedIt,
    OwnIdentityRequest,
}

public static class AccessRefusalText
{
    public static string Explain(this AccessRefusal refusal) => refusal switch
    {
        AccessRefusal.MissingRole => "Your roles do not allow this action.",
        AccessRefusal.Recused => "You are recused from this case.",
        AccessRefusal.NotAssigned => "Only staff assigned to this case may take this action.",
        AccessRefusal.OwnProposal => "Nobody approves or rejects their own proposal.",
        AccessRefusal.InvestigatedIt => "Investigators of a case never review it.",
        AccessRefusal.ReviewedIt => "Reviewers of a case never investigate it.",
        AccessRefusal.OwnIdentityRequest => "An identity request is granted by someone other than the requester.",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null),
    };
}
