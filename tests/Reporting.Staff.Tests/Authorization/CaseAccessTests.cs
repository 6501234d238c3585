using Reporting.CaseManagement.Staff.Authorization;

namespace Reporting.Staff.Tests.Authorization;

public sealed class CaseAccessTests
{
    private static StaffMember Member(string username, params string[] roles) =>
        new(username, "王伟", "市交通局", new HashSet<string>(roles));

    private static CaseAccessFacts Facts(
        string[]? assignees = null, string[]? recused = null, string? proposer = null,
        string[]? investigators = null, string[]? reviewers = null, string? identityRequester = null,
        PersonAtOrganization[]? accused = null) =>
        new(new HashSet<string>(assignees ?? []), new HashSet<string>(recused ?? []), proposer,
            new HashSet<string>(investigators ?? []), new HashSet<string>(reviewers ?? []), identityRequester, accused ?? []);

    private static CaseActionPolicy Policy(string action) => CasePolicies.Find(action)!;

    [Fact]
    public void Nobody_approves_their_own_proposal()
    {
        var approver = Member("approver1", StaffRoles.Approver);

        Assert.Equal(AccessRefusal.OwnProposal, CaseAccess.Check(Policy("approve"), approver, Facts(proposer: "approver1")));
        Assert.Null(CaseAccess.Check(Policy("approve"), approver, Facts(proposer: "supervisor1")));
    }

    [Fact]
    public void Investigators_of_a_case_never_review_it()
    {
        var both = Member("officer", StaffRoles.Investigator, StaffRoles.Reviewer);

        Assert.Equal(AccessRefusal.InvestigatedIt, CaseAccess.Check(Policy("submit-review-report"), both, Facts(investigators: ["officer"])));
    }

    [Fact]
    public void Reviewers_of_a_case_never_investigate_it()
    {
        var both = Member("officer", StaffRoles.Investigator, StaffRoles.Reviewer);

        Assert.Equal(AccessRefusal.ReviewedIt,
            CaseAccess.Check(Policy("submit-investigation-report"), both, Facts(assignees: ["officer"], reviewers: ["officer"])));
    }

    [Fact]
    public void Handling_actions_need_the_user_assigned()
    {
        var supervisor = Member("supervisor1", StaffRoles.Supervisor);

        Assert.Equal(AccessRefusal.NotAssigned, CaseAccess.Check(Policy("submit-verification-report"), supervisor, Facts(assignees: ["supervisor2"])));
        Assert.Null(CaseAccess.Check(Policy("submit-verification-report"), supervisor, Facts(assignees: ["supervisor1"])));
    }

    [Fact]
    public void A_recused_user_cannot_even_read_the_case()
    {
        Assert.Equal(AccessRefusal.Recused, CaseAccess.Check(Policy(CasePolicies.Read), Member("registrar1", StaffRoles.Registrar), Facts(recused: ["registrar1"])));
    }

    [Theory]
    [InlineData("王伟", "市交通局")]
    [InlineData("王 伟", "市交通局 ")]
    public void A_user_accused_by_name_at_their_own_organization_is_recused_automatically(string name, string organization)
    {
        var facts = Facts(accused: [new PersonAtOrganization(name, organization)]);

        Assert.Equal(AccessRefusal.Recused, CaseAccess.Check(Policy(CasePolicies.Read), Member("registrar1", StaffRoles.Registrar), facts));
    }

    [Fact]
    public void The_same_name_at_another_organization_is_not_a_recusal()
    {
        var facts = Facts(accused: [new PersonAtOrganization("王伟", "市财政局")]);

        Assert.Null(CaseAccess.Check(Policy(CasePolicies.Read), Member("registrar1", StaffRoles.Registrar), facts));
    }

    [Fact]
    public void An_identity_request_is_granted_by_someone_other_than_the_requester()
    {
        var approverWhoAsked = Member("approver1", StaffRoles.Approver, StaffRoles.Supervisor);

        Assert.Equal(AccessRefusal.OwnIdentityRequest, CaseAccess.Check(Policy(CasePolicies.GrantIdentity), approverWhoAsked, Facts(identityRequester: "approver1")));
        Assert.Null(CaseAccess.Check(Policy(CasePolicies.GrantIdentity), Member("approver2", StaffRoles.Approver), Facts(identityRequester: "approver1")));
    }

    [Theory]
    [InlineData(StaffRoles.Auditor)]
    [InlineData(StaffRoles.Admin)]
    [InlineData(StaffRoles.Publisher)]
    public void Auditors_administrators_and_publishers_never_read_case_content(string role)
    {
        Assert.Equal(AccessRefusal.MissingRole, CaseAccess.Check(Policy(CasePolicies.Read), Member("someone", role), Facts()));
        Assert.Equal(AccessRefusal.MissingRole, CaseAccess.Check(Policy(CasePolicies.DownloadAttachment), Member("someone", role), Facts()));
    }

    [Fact]
    public void A_report_accusing_a_head_is_recognised_for_bypass()
    {
        var heads = new[] { new PersonAtOrganization("李强", "市纪委监委") };

        Assert.True(CaseAccess.AccusesAnyOf(Facts(accused: [new PersonAtOrganization("李 强", "市纪委监委")]), heads));
        Assert.False(CaseAccess.AccusesAnyOf(Facts(accused: [new PersonAtOrganization("李强", "区纪委监委")]), heads));
    }

    [Fact]
    public void Every_action_of_the_contract_has_exactly_one_row()
    {
        string[] contractActions =
        [
            "register", "accept", "mark-duplicate", "file-no-substance", "escalate", "transfer", "decline", "propose-disposition",
            "approve", "reject", "assign", "submit-verification-report", "propose-filing", "submit-investigation-report",
            "submit-review-report", "close", "send-message", "recuse", "request-identity",
        ];

        Assert.All(contractActions, action => Assert.Single(CasePolicies.All, policy => policy.Action == action));
    }
}
