using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Accepting;
using Reporting.CaseManagement.Cases.Approving;
using Reporting.CaseManagement.Cases.Assigning;
using Reporting.CaseManagement.Cases.Closing;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.ProposingDisposition;
using Reporting.CaseManagement.Cases.ProposingFiling;
using Reporting.CaseManagement.Cases.RecordingDefence;
using Reporting.CaseManagement.Cases.Registering;
using Reporting.CaseManagement.Cases.SigningVerificationReport;
using Reporting.CaseManagement.Cases.SubmittingInvestigationReport;
using Reporting.CaseManagement.Cases.SubmittingReviewReport;
using Reporting.CaseManagement.Cases.SubmittingVerificationReport;
using Reporting.CaseManagement.Contracts;
using Reporting.Intake.Contracts;
using static Reporting.CaseManagement.Tests.Staff;

namespace Reporting.CaseManagement.Tests;

/// <summary>
/// A case's past, built by the real deciders so that every "given" is a history the rules allow. Each step happens at
/// <see cref="Clock"/>, which a test may move.
/// </summary>
internal sealed class CaseHistory
{
    public static readonly Guid CaseId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    /// <summary>Monday 2 March 2026, 09:00 in Beijing.</summary>
    public static readonly DateTimeOffset ReceivedAt = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    /// <summary>Monday 9 March 2026, 10:00 in Beijing: when the steps of a history happen unless moved.</summary>
    public static readonly DateTimeOffset DefaultClock = new(2026, 3, 9, 2, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<string> Meeting = ["supervisor1", "supervisor2", "approver1"];

    public static readonly WorkingCalendar Calendar = RepositoryCalendars.Calendar;

    private readonly List<object> events = [];

    private CaseHistory(ReportSubmitted submitted) => events.Add(submitted);

    public DateTimeOffset Clock { get; private set; } = DefaultClock;

    public IReadOnlyList<object> Events => events;

    public CaseState State => CaseState.Rebuild(events);

    public static CaseHistory Submitted(bool realName = true, DateTimeOffset? at = null)
    {
        var envelope = new SealedEnvelope("office-1", [1, 2, 3], new Dictionary<string, byte[]> { ["report"] = [4, 5, 6] });
        return new CaseHistory(new ReportSubmitted(CaseId, "lookup", new byte[32], envelope, realName ? envelope : null, "zh-CN", at ?? ReceivedAt));
    }

    public CaseHistory At(DateTimeOffset clock)
    {
        Clock = clock;
        return this;
    }

    public CaseHistory Do(Actor actor, object command)
    {
        events.AddRange(CaseActions.Decide(State, command, actor, Clock, Calendar));
        return this;
    }

    /// <summary>An event from outside the deciders, such as an informant's message arriving through Intake.</summary>
    public CaseHistory Happened(object @event)
    {
        events.Add(@event);
        return this;
    }

    public static RegisterCase Registration(bool realName = true, bool accusesHead = false) => new(
        ["integrity", "eight-point-rules"],
        [new AccusedPerson("张三", "局长", "某市水务局", "处级", "某市")],
        "Banquets paid from public funds.",
        realName,
        "online",
        accusesHead);

    public static readonly IReadOnlyList<Sanction> Sanctions =
        [new(SanctionKind.Party, PartySanction.SeriousWarning, null), new(SanctionKind.Administrative, AdministrativeSanction.Demerit, null)];

    public CaseHistory Registered(bool accusesHead = false) => Do(Registrar, Registration(State.SubmittedWithIdentity, accusesHead));

    public CaseHistory Accepted() => Registered().Do(Registrar, new AcceptCase());

    public CaseHistory Proposed(string method) => Do(Supervisor1, new ProposeDisposition(method, "The lead is specific.", Meeting));

    public CaseHistory Approved(Actor? by = null) => Do(by ?? Approver1, new Approve("Agreed."));

    public CaseHistory InInquiry() => Accepted().Proposed(ProposalKind.TalkInquiry).Approved().Do(Approver1, new Assign(["supervisor1", "supervisor2"]));

    public CaseHistory InVerification() =>
        Accepted().Proposed(ProposalKind.PreliminaryVerification).Approved().Do(Approver1, new Assign(["supervisor1", "supervisor2"]));

    public CaseHistory VerificationReported() => InVerification().Do(Supervisor1, new SubmitVerificationReport("Confirmed in part.", "file-case"));

    public CaseHistory VerificationSigned() => VerificationReported().Do(Supervisor2, new SignVerificationReport());

    public CaseHistory FilingProposed() => VerificationSigned().Do(Supervisor1, new ProposeFiling("Violations confirmed.", Meeting));

    public CaseHistory Investigating() =>
        FilingProposed().Approved(Approver1).Approved(Approver2).Do(Approver1, new Assign(["investigator1", "investigator2"]));

    public CaseHistory UnderReview() => Investigating().Do(Investigator1, new SubmitInvestigationReport("Facts established."));

    public CaseHistory DefenceHeard() => UnderReview().Do(Reviewer, new RecordDefence("The subject admits the banquets."));

    public CaseHistory DecisionProposed() =>
        DefenceHeard().Do(Reviewer, new SubmitReviewReport("Violations of the eight-point rules.", Sanctions, ["reviewer1", "reviewer2"]));

    public CaseHistory Decided() => DecisionProposed().Approved();

    public CaseHistory Closed() => Decided().Do(Registrar, Closing());

    public static CloseCase Closing() => new("The case was handled and the person concerned sanctioned.", Guid.Parse("6f1c7a43-9a0e-4f57-a1a7-9b3d7e0d2f10"), [9, 9, 9]);
}
