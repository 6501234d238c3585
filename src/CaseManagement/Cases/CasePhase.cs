namespace Reporting.CaseManagement.Cases;

/// <summary>The three separated duties: lead handling (supervision), investigation and review.</summary>
public enum CasePhase
{
    None,
    Lead,
    Investigation,
    Review,
}

public static class CasePhases
{
    public static CasePhase Of(string stage) => stage switch
    {
        CaseStage.Accepted or CaseStage.DispositionPending or CaseStage.TalkInquiry or CaseStage.Verification or CaseStage.Parked => CasePhase.Lead,
        CaseStage.Investigating => CasePhase.Investigation,
        CaseStage.UnderReview or CaseStage.DecisionPending => CasePhase.Review,
        _ => CasePhase.None,
    };

    /// <summary>Why the user may not work in the phase the case is in, when they worked on it in another.</summary>
    public static Refusal? SeparationOfDuties(CaseState state, string username)
    {
        var phase = Of(state.Stage);
        string? other =
            phase != CasePhase.Lead && state.LeadHandlers.Contains(username) ? "handled the lead of" :
            phase != CasePhase.Investigation && state.Investigators.Contains(username) ? "investigated" :
            phase != CasePhase.Review && state.Reviewers.Contains(username) ? "reviewed" :
            null;
        return phase == CasePhase.None || other is null
            ? null
            : Refusal.Forbidden($"{username} {other} this case, and lead handling, investigation and review must be done by different people.");
    }
}
