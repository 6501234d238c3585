using System.Security.Cryptography;
using System.Text;
using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Accepting;
using Reporting.CaseManagement.Cases.Approving;
using Reporting.CaseManagement.Cases.Assigning;
using Reporting.CaseManagement.Cases.Closing;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.Declining;
using Reporting.CaseManagement.Cases.FilingNoSubstance;
using Reporting.CaseManagement.Cases.ProposingDisposition;
using Reporting.CaseManagement.Cases.ProposingFiling;
using Reporting.CaseManagement.Cases.RecordingDefence;
using Reporting.CaseManagement.Cases.Registering;
using Reporting.CaseManagement.Cases.SigningVerificationReport;
using Reporting.CaseManagement.Cases.SubmittingInvestigationReport;
using Reporting.CaseManagement.Cases.SubmittingReviewReport;
using Reporting.CaseManagement.Cases.SubmittingVerificationReport;
using Reporting.CaseManagement.Cases.Transferring;
using Reporting.CaseManagement.Contracts;
using Reporting.Intake.Contracts;
using Reporting.Intake.Sealing;

namespace Reporting.Cases.Bench;

/// <summary>
/// Whole cases made the way the product makes them: a report sealed to the office key as Intake seals it, then a walk
/// of random length along the main path or off onto a routing outcome, each step decided by the real deciders a day
/// or two after the last. Receipt dates spread over the last 120 days, so that many deadlines have passed.
/// </summary>
internal sealed class CaseGenerator(OfficeSealingKey office, WorkingCalendar calendar)
{
    private static readonly Actor Registrar = new("registrar1", StaffRole.Registrar);
    private static readonly Actor Supervisor1 = new("supervisor1", StaffRole.Supervisor);
    private static readonly Actor Supervisor2 = new("supervisor2", StaffRole.Supervisor);
    private static readonly Actor Investigator = new("investigator1", StaffRole.Investigator);
    private static readonly Actor Reviewer = new("reviewer1", StaffRole.Reviewer);
    private static readonly Actor Approver1 = new("approver1", StaffRole.Approver);
    private static readonly Actor Approver2 = new("approver2", StaffRole.Approver);
    private static readonly string[] Meeting = ["supervisor1", "supervisor2", "approver1"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];

    public IReadOnlyList<object> Generate(Random random, DateTimeOffset now)
    {
        var caseId = Guid.NewGuid();
        var clock = now.AddDays(-random.Next(1, 120)).AddMinutes(-random.Next(0, 24 * 60));
        var realName = random.Next(2) == 0;
        var accused = $"{Surnames[random.Next(Surnames.Length)]}{random.Next(1000, 9999)}";
        var report = Envelopes.Seal(office, caseId, new Dictionary<string, byte[]>
        {
            ["title"] = Encoding.UTF8.GetBytes($"反映{accused}违规收受礼金"),
            ["report"] = Encoding.UTF8.GetBytes($$"""{"title":"反映{{accused}}违规收受礼金","details":"多次收受管理服务对象所送礼金和购物卡。","categories":["integrity"]}"""),
        });
        var identity = realName ? Envelopes.Seal(office, caseId, new Dictionary<string, byte[]> { ["identity"] = Encoding.UTF8.GetBytes("""{"name":"李四","phone":"13800000000"}""") }) : null;
        var events = new List<object>
        {
            new ReportSubmitted(caseId, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), RandomNumberGenerator.GetBytes(32), report, identity, "zh-CN", clock),
        };
        var state = CaseState.Create((ReportSubmitted)events[0]);

        void Do(Actor actor, object command)
        {
            clock = clock.AddHours(random.Next(20, 60));
            if (clock > now)
                clock = now;
            var decided = CaseActions.Decide(state, command, actor, clock, calendar);
            events.AddRange(decided);
            state = decided.Aggregate(state, (current, @event) => current.Apply(@event));
        }

        var depth = random.Next(0, 100);
        if (depth < 8)
            return events;
        Do(Registrar, new RegisterCase(["integrity", "eight-point-rules"], [new AccusedPerson(accused, "科长", "某市某局", null, null)], "收受礼金", realName));
        switch (random.Next(0, 100))
        {
            case < 5:
                Do(Registrar, new FileNoSubstance("反映内容不具体，无可查性。"));
                return events;
            case < 9:
                Do(Registrar, new Decline("属于诉讼范围", "litigation"));
                return events;
            case < 14:
                Do(Registrar, new Transfer("某区纪委监委", "属下级管辖", Supervised: random.Next(2) == 0));
                return events;
            case < 24:
                return events;
        }
        Do(Registrar, new AcceptCase());
        if (depth < 30)
            return events;
        var method = random.Next(0, 10) < 4 ? ProposalKind.TalkInquiry : ProposalKind.PreliminaryVerification;
        Do(Supervisor1, new ProposeDisposition(method, "线索具体，有可查性。", Meeting));
        if (depth < 38)
            return events;
        Do(Approver1, new Approve("同意"));
        Do(Approver1, new Assign(["supervisor1", "supervisor2"]));
        if (method == ProposalKind.TalkInquiry || depth < 50)
            return events;
        Do(Supervisor1, new SubmitVerificationReport("反映问题部分属实。", "file-case"));
        Do(Supervisor2, new SignVerificationReport());
        if (depth < 58)
            return events;
        Do(Supervisor1, new ProposeFiling("违纪事实清楚。", Meeting));
        Do(Approver1, new Approve("同意立案"));
        Do(Approver2, new Approve("同意立案"));
        Do(Approver1, new Assign(["investigator1", "investigator2"]));
        if (depth < 72)
            return events;
        Do(Investigator, new SubmitInvestigationReport("查明违纪事实。"));
        Do(Reviewer, new RecordDefence("本人承认。"));
        Do(Reviewer, new SubmitReviewReport("违反中央八项规定精神。", [new Sanction("party", "warning", null)], ["reviewer1", "approver2"]));
        if (depth < 82)
            return events;
        Do(Approver1, new Approve("同意"));
        if (depth < 90)
            return events;
        Do(Registrar, new CloseCase("经查，反映问题属实，已给予党内警告处分。", Guid.NewGuid(), RandomNumberGenerator.GetBytes(48)));
        return events;
    }
}
