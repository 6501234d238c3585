using FsCheck;
using FsCheck.Fluent;
using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Tests.Properties;

/// <summary>
/// Random sequences of actions by random users, through the real deciders, with the workflow's invariants checked after
/// every step. Most steps take an action the case allows someone (so that cases get far), the rest anything by anyone.
/// </summary>
public sealed class CaseWorkflowProperties
{
    private static readonly WorkingCalendar Calendar = CaseHistory.Calendar;

    private static readonly IReadOnlyList<Actor> Users =
        [.. Staff.Everyone, new Actor("head1", StaffRole.Supervisor, StaffRole.Approver)];

    // Recusing or messaging is always allowed to someone; taken as often as the rest, they would crowd out progress.
    private static readonly string[] Rare = ["recuse", "send-message"];

    internal sealed record Step(int User, int Action, int Variant, int Days, int Directed);

    [Fact]
    public void Random_action_sequences_keep_the_workflow_invariants()
    {
        var step = from user in Gen.Choose(0, 999)
                   from action in Gen.Choose(0, 999)
                   from variant in Gen.Choose(0, 999)
                   from days in Gen.Choose(0, 6)
                   from directed in Gen.Choose(0, 9)
                   select new Step(user, action, variant, days, directed);
        var run = Gen.Choose(30, 100).SelectMany(length => Gen.ArrayOf(step, length));

        var taken = new HashSet<string>();

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), Prop.ForAll(run.ToArbitrary(), (Step[] steps) => Play(steps, taken)));

        // The invariants were checked on whole cases, not only on their first steps.
        Assert.Empty(new[] { "approve", "reject", "submit-review-report", "decide-appeal", "close", "propose-clarification", "bypass" }.Except(taken));
    }

    private static void Play(IEnumerable<Step> steps, HashSet<string> taken)
    {
        var history = CaseHistory.Submitted(realName: steps.Count() % 2 == 0);
        var state = history.State;
        var now = CaseHistory.ReceivedAt;
        foreach (var step in steps)
        {
            now = now.AddDays(step.Days).AddHours(step.Variant % 9);
            var (actor, action) = Choose(state, step);
            var allowed = CaseActions.Allowed(state, actor);
            var command = RandomCommands.For(action.Name, state, step.Variant);

            IReadOnlyList<object> events;
            try
            {
                events = CaseActions.Decide(state, command, actor, now, Calendar);
            }
            catch (CaseActionRefusedException refused)
            {
                // What the allowed actions leave out, the decider refuses for who or when, never as a malformed request.
                if (!allowed.Contains(action.Name))
                    Assert.NotEqual(RefusalKind.Invalid, refused.Refusal.Kind);
                continue;
            }

            Assert.Contains(action.Name, allowed);
            taken.Add(action.Name);
            CheckEvents(state, actor, events, now);
            state = events.Aggregate(state, (current, @event) => current.Apply(@event));
            CheckState(state);
        }
    }

    private static (Actor, CaseAction) Choose(CaseState state, Step step)
    {
        if (step.Directed < 8)
        {
            var allowedTo = Users
                .SelectMany(user => CaseActions.Allowed(state, user).Select(name => (user, name)))
                .Where(pair => !Rare.Contains(pair.name) || step.Variant % 25 == 0)
                .GroupBy(pair => pair.name, pair => pair.user)
                .ToArray();
            if (allowedTo.Length > 0)
            {
                // Most steps move the case on, so that the invariants are checked in its later stages too.
                var forward = allowedTo.Where(group => Forward.Contains(group.Key)).ToArray();
                var choices = forward.Length > 0 && step.Variant % 4 != 0 ? forward : allowedTo;
                var group = choices[step.Action % choices.Length];
                var users = group.ToArray();
                return (users[step.User % users.Length], CaseActions.Named(group.Key));
            }
        }
        return (Users[step.User % Users.Count], CaseActions.All[step.Action % CaseActions.All.Count]);
    }

    private static readonly string[] Forward =
    [
        "register", "accept", "approve", "submit-verification-report", "sign-verification-report", "propose-filing",
        "submit-investigation-report", "record-defence", "submit-review-report", "lodge-appeal", "decide-appeal", "close",
    ];

    private static void CheckEvents(CaseState before, Actor actor, IReadOnlyList<object> events, DateTimeOffset now)
    {
        foreach (var @event in events)
        {
            // Every event a decider emits can be stored and read back.
            Assert.Contains(@event.GetType(), CaseEventTypes.All);
            switch (@event)
            {
                case ProposalApproved or ProposalRejected:
                    // No self-approval, and a second approval never by the first approver.
                    Assert.NotEqual(before.PendingProposal!.ProposedBy, actor.Username);
                    Assert.DoesNotContain(actor.Username, before.PendingProposal.ApprovedBy);
                    break;
                case DefenceRecorded or ReviewReportSubmitted:
                    Assert.DoesNotContain(actor.Username, before.Investigators);
                    Assert.True(actor.Holds(StaffRole.Reviewer));
                    break;
                case IdentityGranted or IdentityRefused:
                    // An identity request is never decided by the one who made it.
                    Assert.NotEqual(before.PendingIdentityRequest!.By, actor.Username);
                    Assert.True(actor.Holds(StaffRole.Approver));
                    break;
                case StaffAssigned assigned when CasePhases.Of(before.Stage) == CasePhase.Review:
                    Assert.Empty(assigned.Usernames.Intersect(before.Investigators));
                    break;
                case DeadlineStarted started:
                    CheckDeadline(before, started.Deadline, now);
                    break;
            }
        }
        Assert.DoesNotContain(actor.Username, before.Recused);
    }

    private static void CheckDeadline(CaseState before, Deadline deadline, DateTimeOffset now)
    {
        Assert.Equal(Calendar.Recompute(deadline), deadline);
        var startsAtReceipt = deadline.Kind is DeadlineKind.AcceptanceNotice or DeadlineKind.Bypass;
        Assert.Equal(WorkingCalendar.DateInChina(startsAtReceipt ? before.ReceivedAt : now), deadline.From);
        Assert.True(deadline.Due > deadline.From);
        if (deadline.Unit == DeadlineUnit.WorkingDays)
            Assert.True(Calendar.IsWorkingDay(deadline.Due));
    }

    private static void CheckState(CaseState state)
    {
        Assert.Empty(state.Reviewers.Intersect(state.Investigators));
        Assert.Empty(state.Investigators.Intersect(state.LeadHandlers));
        Assert.Empty(state.Assignees.Intersect(state.Recused));
        // A grant to read the informant's identity is held only by someone on the team, on a real-name case in handling.
        Assert.Empty(state.IdentityGrantedTo.Except(state.Assignees));
        Assert.True(state.IdentityGrantedTo.IsEmpty || (state.SubmittedWithIdentity && CaseStage.Handling.Contains(state.Stage)));
        var shown = CaseStage.InformantStage(state.Stage);
        Assert.True(
            state.InformantStage == shown || (shown == InformantStages.Accepted && state.InformantStage == InformantStages.InProgress),
            $"The informant sees '{state.InformantStage}' for a case that is '{state.Stage}'.");
    }
}
