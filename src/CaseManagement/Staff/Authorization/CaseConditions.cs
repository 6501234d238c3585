namespace Reporting.CaseManagement.Staff.Authorization;

/// <summary>What must hold of the user and the case, beyond the role, for an action to be allowed.</summary>
[Flags]
public enum CaseConditions
{
    None = 0,

    /// <summary>Handling actions: the user is among the case's assignees.</summary>
    Assigned = 1,

    /// <summary>Approvals: nobody approves or rejects their own proposal.</summary>
    NotTheProposer = 2,

    /// <summary>Review: investigators of a case never review it.</summary>
    NeverInvestigatedIt = 4,

    /// <summary>Investigation: reviewers of a case never investigate it.</summary>
    NeverReviewedIt = 8,

    /// <summary>Identity requests: granted by someone other than the requester.</summary>
    NotTheRequester = 16,
}
