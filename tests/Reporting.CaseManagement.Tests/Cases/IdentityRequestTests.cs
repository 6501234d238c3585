using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Assigning;
using Reporting.CaseManagement.Cases.GrantingIdentity;
using Reporting.CaseManagement.Cases.Recusing;
using Reporting.CaseManagement.Cases.RefusingIdentity;
using Reporting.CaseManagement.Cases.RequestingIdentity;
using static Reporting.CaseManagement.Tests.Specification;
using static Reporting.CaseManagement.Tests.Staff;

namespace Reporting.CaseManagement.Tests.Cases;

public sealed class IdentityRequestTests
{
    private static readonly DateTimeOffset Now = CaseHistory.DefaultClock;

    private static readonly RequestIdentity Request = new("The informant must be heard as a witness.");

    private static CaseHistory Requested(bool realName = true) => CaseHistory.Submitted(realName).InInquiry().Do(Supervisor1, Request);

    private static CaseHistory Granted() => Requested().Do(Approver1, new GrantIdentity("Needed for the inquiry."));

    [Fact]
    public void An_assigned_supervisor_asks_to_open_a_real_name_informants_identity() =>
        Given(CaseHistory.Submitted().InInquiry())
            .When(Supervisor1, Request)
            .Then(new IdentityRequested(1, "The informant must be heard as a witness.", "supervisor1", Now));

    [Fact]
    public void An_assigned_investigator_asks_too() =>
        Given(CaseHistory.Submitted().Investigating())
            .When(Investigator2, Request)
            .Then(new IdentityRequested(1, "The informant must be heard as a witness.", "investigator2", Now));

    [Fact]
    public void An_anonymous_report_has_no_identity_to_open() =>
        Given(CaseHistory.Submitted(realName: false).InInquiry()).When(Supervisor1, Request).ThenRefused(RefusalKind.Conflict, "The report is anonymous");

    [Fact]
    public void Only_a_supervisor_or_an_investigator_asks() =>
        Given(CaseHistory.Submitted().InInquiry()).When(Approver1, Request).ThenRefused(RefusalKind.Forbidden, "Only a supervisor or an investigator may ask");

    [Fact]
    public void Only_staff_assigned_to_the_case_ask() =>
        Given(CaseHistory.Submitted().Accepted()).When(Supervisor1, Request).ThenRefused(RefusalKind.Forbidden, "Only staff assigned to this case");

    [Fact]
    public void A_report_not_yet_accepted_is_not_handled_yet() =>
        Given(CaseHistory.Submitted().Registered().Do(Approver1, new Assign(["supervisor1"])))
            .When(Supervisor1, Request)
            .ThenRefused(RefusalKind.Conflict, "while the case is 'registered'");

    [Fact]
    public void A_closed_case_is_handled_no_more() =>
        Given(CaseHistory.Submitted().Closed().Do(Approver1, new Assign(["supervisor1"])))
            .When(Supervisor1, Request)
            .ThenRefused(RefusalKind.Conflict, "while the case is 'closed'");

    [Fact]
    public void One_request_waits_at_a_time() =>
        Given(Requested()).When(Supervisor2, Request).ThenRefused(RefusalKind.Conflict, "Identity request 1 by supervisor1 awaits an approver's decision");

    [Fact]
    public void A_holder_of_a_grant_does_not_ask_again() =>
        Given(Granted()).When(Supervisor1, Request).ThenRefused(RefusalKind.Conflict, "supervisor1 may already read the informant's identity");

    [Fact]
    public void A_request_gives_its_reason() =>
        Given(CaseHistory.Submitted().InInquiry()).When(Supervisor1, new RequestIdentity("")).ThenRefused(RefusalKind.Invalid, "must not be empty");

    [Fact]
    public void A_recused_handler_asks_nothing() =>
        Given(CaseHistory.Submitted().InInquiry().Do(Supervisor1, new Recuse("A relative.")))
            .When(Supervisor1, Request)
            .ThenRefused(RefusalKind.Forbidden, "recused");

    [Fact]
    public void Another_approver_grants_the_request_to_its_requester() =>
        Given(Requested())
            .When(Approver2, new GrantIdentity("Needed for the inquiry."))
            .Then(new IdentityGranted(1, "supervisor1", "Needed for the inquiry.", "approver2", Now));

    [Fact]
    public void The_requester_never_grants_their_own_request()
    {
        var history = CaseHistory.Submitted().InInquiry().Do(Approver1, new Assign(["allrounder1", "supervisor2"])).Do(AllRounder, Request);

        Given(history).When(AllRounder, new GrantIdentity("Agreed.")).ThenRefused(RefusalKind.Forbidden, "granted by someone other than the requester");
        Given(history).When(AllRounder, new RefuseIdentity("Not needed.")).ThenRefused(RefusalKind.Forbidden, "granted by someone other than the requester");
    }

    [Fact]
    public void Only_an_approver_grants() =>
        Given(Requested()).When(Supervisor2, new GrantIdentity("Agreed.")).ThenRefused(RefusalKind.Forbidden, "Only an approver may grant an identity request");

    [Fact]
    public void Nothing_is_granted_without_a_request() =>
        Given(CaseHistory.Submitted().InInquiry()).When(Approver1, new GrantIdentity("Agreed.")).ThenRefused(RefusalKind.Conflict, "No identity request awaits a decision");

    [Fact]
    public void A_grant_gives_its_comment() =>
        Given(Requested()).When(Approver1, new GrantIdentity(" ")).ThenRefused(RefusalKind.Invalid, "must not be empty");

    [Fact]
    public void A_recused_approver_grants_nothing() =>
        Given(Requested().Do(Approver1, new Recuse("A relative."))).When(Approver1, new GrantIdentity("Agreed.")).ThenRefused(RefusalKind.Forbidden, "recused");

    [Fact]
    public void Another_approver_refuses_the_request_with_a_reason() =>
        Given(Requested())
            .When(Approver1, new RefuseIdentity("The inquiry can go on without it."))
            .Then(new IdentityRefused(1, "supervisor1", "The inquiry can go on without it.", "approver1", Now));

    [Fact]
    public void A_refusal_gives_its_reason() =>
        Given(Requested()).When(Approver1, new RefuseIdentity("")).ThenRefused(RefusalKind.Invalid, "must not be empty");

    [Fact]
    public void Only_an_approver_refuses() =>
        Given(Requested()).When(Supervisor2, new RefuseIdentity("No.")).ThenRefused(RefusalKind.Forbidden, "Only an approver may refuse an identity request");

    [Fact]
    public void Nothing_is_refused_without_a_request() =>
        Given(Granted()).When(Approver2, new RefuseIdentity("No.")).ThenRefused(RefusalKind.Conflict, "No identity request awaits a decision");

    [Fact]
    public void After_a_refusal_a_new_request_may_be_made() =>
        Given(Requested().Do(Approver1, new RefuseIdentity("Not yet.")))
            .When(Supervisor1, Request)
            .Then(new IdentityRequested(2, "The informant must be heard as a witness.", "supervisor1", Now));

    [Fact]
    public void Only_the_requester_holds_the_grant()
    {
        var state = Granted().State;

        Assert.True(state.MayReadIdentity("supervisor1"));
        Assert.False(state.MayReadIdentity("supervisor2"));
        Assert.False(state.MayReadIdentity("approver1"));
        Assert.Null(state.PendingIdentityRequest);
    }

    [Fact]
    public void A_refused_request_grants_nothing() =>
        Assert.False(Requested().Do(Approver1, new RefuseIdentity("Not yet.")).State.MayReadIdentity("supervisor1"));

    [Fact]
    public void Recusal_ends_the_grant_for_good()
    {
        var history = Granted().Do(Supervisor1, new Recuse("I found I know the informant."));

        Assert.False(history.State.MayReadIdentity("supervisor1"));
        Assert.Empty(history.State.IdentityGrantedTo);
    }

    [Fact]
    public void Leaving_the_team_ends_the_grant_and_coming_back_does_not_restore_it()
    {
        var history = Granted().Do(Approver1, new Assign(["supervisor2"])).Do(Approver1, new Assign(["supervisor1", "supervisor2"]));

        Assert.False(history.State.MayReadIdentity("supervisor1"));
    }

    [Fact]
    public void Closing_the_case_ends_every_grant()
    {
        var history = CaseHistory.Submitted().Decided().Do(Approver1, new Assign(["supervisor1"])).Do(Supervisor1, Request)
            .Do(Approver1, new GrantIdentity("Needed for the feedback."));
        Assert.True(history.State.MayReadIdentity("supervisor1"));

        Assert.False(history.Do(Registrar, CaseHistory.Closing()).State.MayReadIdentity("supervisor1"));
    }

    [Fact]
    public void A_waiting_request_lapses_when_its_requester_leaves_the_team()
    {
        var state = Requested().Do(Approver1, new Assign(["supervisor2"])).State;

        Assert.Null(state.PendingIdentityRequest);
        Assert.DoesNotContain("grant-identity", CaseActions.Allowed(state, Approver1));
    }

    [Fact]
    public void Allowed_actions_offer_the_request_to_the_team_and_its_decision_to_other_approvers()
    {
        var before = CaseHistory.Submitted().InInquiry().State;
        var waiting = Requested().State;

        Assert.Contains("request-identity", CaseActions.Allowed(before, Supervisor1));
        Assert.DoesNotContain("request-identity", CaseActions.Allowed(CaseHistory.Submitted(realName: false).InInquiry().State, Supervisor1));
        Assert.DoesNotContain("grant-identity", CaseActions.Allowed(before, Approver1));
        Assert.Contains("grant-identity", CaseActions.Allowed(waiting, Approver1));
        Assert.Contains("refuse-identity", CaseActions.Allowed(waiting, Approver1));
        Assert.DoesNotContain("request-identity", CaseActions.Allowed(waiting, Supervisor2));
    }
}
