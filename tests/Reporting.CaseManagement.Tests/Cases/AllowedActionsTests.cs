using Reporting.CaseManagement.Cases;
using Reporting.Intake.Contracts;
using static Reporting.CaseManagement.Tests.Staff;

namespace Reporting.CaseManagement.Tests.Cases;

/// <summary>The case detail's <c>allowedActions</c>, for the caller.</summary>
public sealed class AllowedActionsTests
{
    [Fact]
    public void Every_action_of_the_contract_has_a_decider()
    {
        string[] contract =
        [
            "register", "accept", "mark-duplicate", "file-no-substance", "escalate", "transfer", "decline", "propose-disposition",
            "approve", "reject", "assign", "submit-verification-report", "propose-filing", "submit-investigation-report",
            "submit-review-report", "close", "send-message", "recuse",
        ];

        Assert.Empty(contract.Except(CaseActions.All.Select(action => action.Name)));
        Assert.Equal(CaseActions.All.Count, CaseActions.All.Select(action => action.CommandType).Distinct().Count());
    }

    [Fact]
    public void A_registrar_routes_a_registered_report()
    {
        var state = CaseHistory.Submitted().Registered().State;

        Assert.Equal(["accept", "mark-duplicate", "file-no-substance", "escalate", "transfer", "decline", "recuse"], CaseActions.Allowed(state, Registrar));
        Assert.Equal(["assign", "recuse"], CaseActions.Allowed(state, Approver1));
    }

    [Fact]
    public void A_report_accusing_the_head_offers_only_the_bypass() =>
        Assert.Equal(["bypass", "recuse"], CaseActions.Allowed(CaseHistory.Submitted().Registered(accusesHead: true).State, Registrar));

    [Fact]
    public void The_proposer_is_not_offered_the_decision_on_their_own_proposal()
    {
        var head = new Actor("head1", StaffRole.Supervisor, StaffRole.Approver);
        var state = CaseHistory.Submitted().Accepted().Do(head, new Reporting.CaseManagement.Cases.ProposingDisposition.ProposeDisposition(ProposalKind.Park, "Why.", CaseHistory.Meeting)).State;

        Assert.DoesNotContain("approve", CaseActions.Allowed(state, head));
        Assert.Contains("approve", CaseActions.Allowed(state, Approver1));
        Assert.Contains("reject", CaseActions.Allowed(state, Approver1));
    }

    [Fact]
    public void An_investigator_of_the_case_is_offered_nothing_of_its_review()
    {
        var state = CaseHistory.Submitted().DefenceHeard().State;
        var investigatorAndReviewer = new Actor("investigator1", StaffRole.Investigator, StaffRole.Reviewer);

        Assert.Equal(["recuse"], CaseActions.Allowed(state, investigatorAndReviewer));
        Assert.Equal(["record-defence", "submit-review-report", "recuse"], CaseActions.Allowed(state, Reviewer));
    }

    [Fact]
    public void Auditors_publishers_and_administrators_act_on_no_case()
    {
        var state = CaseHistory.Submitted().Closed().State;

        Assert.Empty(CaseActions.Allowed(state, Auditor));
        Assert.Empty(CaseActions.Allowed(state, Admin));
        Assert.Empty(CaseActions.Allowed(state, Publisher));
    }

    [Fact]
    public void An_unknown_action_is_named_as_such() =>
        Assert.Throws<ArgumentException>(() => CaseActions.Named("shred"));

    [Fact]
    public void Every_decider_enforces_its_own_guard()
    {
        // The guard an action shows in allowedActions is the one its decider applies: an actor it refuses is refused by both.
        var state = CaseHistory.Submitted().State;

        var refusal = Assert.Throws<CaseActionRefusedException>(() => CaseActions.Decide(state, CaseHistory.Registration(), Auditor, CaseHistory.DefaultClock, CaseHistory.Calendar)).Refusal;

        Assert.Equal(CaseActions.Named("register").Guard(state, Auditor), refusal);
        Assert.DoesNotContain("register", CaseActions.Allowed(state, Auditor));
    }
}
