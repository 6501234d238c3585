using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.DecidingAppeal;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.LodgingAppeal;
using Reporting.CaseManagement.Contracts;
using static Reporting.CaseManagement.Tests.Specification;
using static Reporting.CaseManagement.Tests.Staff;

namespace Reporting.CaseManagement.Tests.Cases;

public sealed class AppealTests
{
    private static readonly DateTimeOffset Now = CaseHistory.DefaultClock;

    /// <summary>Thursday 2 April 2026: within the month after the decision of 9 March.</summary>
    private static readonly DateTimeOffset WithinTheMonth = new(2026, 4, 2, 2, 0, 0, TimeSpan.Zero);

    private static CaseHistory Appealed() => CaseHistory.Submitted().Decided().At(WithinTheMonth).Do(Registrar, new LodgeAppeal(AppealKind.Review, "The sanction is too heavy."));

    [Fact]
    public void An_appeal_within_the_month_is_lodged_and_must_be_decided_within_a_month() =>
        Given(CaseHistory.Submitted().Decided())
            .When(Reviewer, new LodgeAppeal(AppealKind.Review, "The sanction is too heavy."), WithinTheMonth)
            .Then(
                new AppealLodged(AppealKind.Review, "The sanction is too heavy.", "reviewer1", WithinTheMonth),
                new DeadlineClosed(DeadlineKind.AppealWindow, WithinTheMonth),
                // One month after Thursday 2 April is Saturday 2 May, in the Labour Day holiday: the period runs to Wednesday 6 May.
                new DeadlineStarted(new Deadline(DeadlineKind.AppealDecision, new DateOnly(2026, 4, 2), 1, DeadlineUnit.Months, new DateOnly(2026, 5, 6), null)));

    [Fact]
    public void An_appeal_after_the_month_is_refused() =>
        Given(CaseHistory.Submitted().Decided())
            .When(Registrar, new LodgeAppeal(AppealKind.Review, "Late."), new DateTimeOffset(2026, 4, 10, 2, 0, 0, TimeSpan.Zero))
            .ThenRefused(RefusalKind.Conflict, "ran out on 2026-04-09");

    [Fact]
    public void Only_a_decision_with_sanctions_is_appealed() =>
        Given(CaseHistory.Submitted().Accepted().Proposed(ProposalKind.CloseNoAction).Approved())
            .When(Registrar, new LodgeAppeal(AppealKind.Review, "Why."))
            .ThenRefused(RefusalKind.Conflict, "Only a decision with sanctions can be appealed.");

    [Fact]
    public void The_first_appeal_is_for_review() =>
        Given(CaseHistory.Submitted().Decided())
            .When(Registrar, new LodgeAppeal(AppealKind.ReReview, "Why."), WithinTheMonth)
            .ThenRefused(RefusalKind.Conflict, "The first appeal is for review");

    [Fact]
    public void One_appeal_is_open_at_a_time() =>
        Given(Appealed()).When(Registrar, new LodgeAppeal(AppealKind.Review, "Again.")).ThenRefused(RefusalKind.Conflict, "An appeal is already open.");

    [Fact]
    public void Only_the_registry_or_the_review_office_records_an_appeal() =>
        Given(CaseHistory.Submitted().Decided()).When(Investigator1, new LodgeAppeal(AppealKind.Review, "Why.")).ThenRefused(RefusalKind.Forbidden, "Only a registrar or a reviewer");

    [Fact]
    public void An_appeal_gives_its_grounds() =>
        Given(CaseHistory.Submitted().Decided()).When(Registrar, new LodgeAppeal(AppealKind.Review, ""), WithinTheMonth).ThenRefused(RefusalKind.Invalid, "must not be empty");

    [Fact]
    public void An_upheld_review_keeps_the_sanctions_and_opens_the_window_for_re_review()
    {
        var decidedOn = new DateTimeOffset(2026, 4, 20, 2, 0, 0, TimeSpan.Zero);

        Given(Appealed())
            .When(Approver1, new DecideAppeal("upheld", "The sanction fits the facts."), decidedOn)
            .Then(
                new AppealDecided("upheld", CaseHistory.Submitted().Decided().State.Sanctions, "The sanction fits the facts.", "approver1", decidedOn),
                new DeadlineClosed(DeadlineKind.AppealDecision, decidedOn),
                new DeadlineStarted(new Deadline(DeadlineKind.AppealWindow, new DateOnly(2026, 4, 20), 1, DeadlineUnit.Months, new DateOnly(2026, 5, 20), null)));
    }

    [Fact]
    public void A_re_review_follows_a_review_and_has_two_months()
    {
        var reReview = Appealed().Do(Approver1, new DecideAppeal("upheld", "Fits.")).Do(Registrar, new LodgeAppeal(AppealKind.ReReview, "Still too heavy."));

        var deadline = reReview.State.Deadlines[DeadlineKind.AppealDecision].Deadline;
        Assert.Equal((2, new DateOnly(2026, 6, 2)), (deadline.Count, deadline.Due));
    }

    [Fact]
    public void After_a_re_review_no_appeal_lies_here() =>
        Given(Appealed().Do(Approver1, new DecideAppeal("upheld", "Fits.")).Do(Registrar, new LodgeAppeal(AppealKind.ReReview, "Still.")).Do(Approver2, new DecideAppeal("upheld", "Fits.")))
            .When(Registrar, new LodgeAppeal(AppealKind.ReReview, "Once more."))
            .ThenRefused(RefusalKind.Conflict, "No appeal lies against this case any more.");

    [Fact]
    public void A_varied_decision_replaces_the_sanctions_with_statutory_periods()
    {
        var varied = Appealed().Do(Approver1, new DecideAppeal("varied", "Lighter.", [new Sanction(SanctionKind.Administrative, AdministrativeSanction.Warning, null)]));

        Assert.Equal([new Sanction(SanctionKind.Administrative, AdministrativeSanction.Warning, 6)], varied.State.Sanctions);
    }

    [Fact]
    public void A_varied_decision_names_the_new_sanctions() =>
        Given(Appealed()).When(Approver1, new DecideAppeal("varied", "Lighter.")).ThenRefused(RefusalKind.Invalid, "must not be empty");

    [Fact]
    public void Sanctions_are_given_only_when_varying() =>
        Given(Appealed())
            .When(Approver1, new DecideAppeal("upheld", "Fits.", [new Sanction(SanctionKind.Party, PartySanction.Warning, null)]))
            .ThenRefused(RefusalKind.Invalid, "only when the decision is varied");

    [Fact]
    public void Only_an_approver_decides_an_appeal() =>
        Given(Appealed()).When(Reviewer, new DecideAppeal("revoked", "Why.")).ThenRefused(RefusalKind.Forbidden, "Only an approver may decide an appeal");

    [Fact]
    public void There_must_be_an_appeal_to_decide() =>
        Given(CaseHistory.Submitted().Decided()).When(Approver1, new DecideAppeal("revoked", "Why.")).ThenRefused(RefusalKind.Conflict, "no open appeal");

    [Fact]
    public void An_appeal_decision_overdue_is_flagged_and_the_lapsed_appeal_window_is_not()
    {
        var state = Appealed().State;

        // The feedback, due on 30 March, is overdue as well: the case was never closed.
        Assert.Equal([DeadlineKind.AppealDecision, DeadlineKind.Feedback], state.OverdueOn(new DateOnly(2026, 5, 7)).Select(d => d.Deadline.Kind).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(CaseHistory.Submitted().Decided().State.OverdueOn(new DateOnly(2026, 4, 10)), d => d.Deadline.Kind == DeadlineKind.AppealWindow);
    }
}
