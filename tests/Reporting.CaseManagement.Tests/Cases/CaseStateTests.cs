using Reporting.CaseManagement.Cases;
using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Tests.Cases;

public sealed class CaseStateTests
{
    [Fact]
    public void The_version_counts_the_streams_events()
    {
        var history = CaseHistory.Submitted().Decided();

        Assert.Equal(history.Events.Count, history.State.Version);
    }

    [Fact]
    public void Events_the_case_does_not_know_only_move_the_version()
    {
        var state = CaseHistory.Submitted().Accepted().State;

        var next = state.Apply(new OfficeMessageSent(Guid.NewGuid(), [1], false, CaseHistory.DefaultClock));

        Assert.Equal(state with { Version = state.Version + 1 }, next);
    }

    [Fact]
    public void A_stream_starts_with_the_submission() =>
        Assert.Throws<InvalidOperationException>(() => CaseState.Rebuild([new CaseAccepted("registrar1", CaseHistory.DefaultClock)]));

    [Theory]
    [InlineData(CaseStage.Submitted, InformantStages.Received)]
    [InlineData(CaseStage.Registered, InformantStages.Received)]
    [InlineData(CaseStage.Accepted, InformantStages.Accepted)]
    [InlineData(CaseStage.DispositionPending, InformantStages.Accepted)]
    [InlineData(CaseStage.Parked, InformantStages.InProgress)]
    [InlineData(CaseStage.Verification, InformantStages.InProgress)]
    [InlineData(CaseStage.Investigating, InformantStages.InProgress)]
    [InlineData(CaseStage.DecisionPending, InformantStages.InProgress)]
    [InlineData(CaseStage.Decided, InformantStages.InProgress)]
    [InlineData(CaseStage.Closed, InformantStages.Concluded)]
    [InlineData(CaseStage.Duplicate, InformantStages.FiledAsDuplicate)]
    [InlineData(CaseStage.NoSubstance, InformantStages.NotAccepted)]
    [InlineData(CaseStage.Declined, InformantStages.NotAccepted)]
    [InlineData(CaseStage.Escalated, InformantStages.Transferred)]
    [InlineData(CaseStage.Transferred, InformantStages.Transferred)]
    public void The_informant_sees_no_more_of_a_stage_than_the_rules_allow(string stage, string informantStage) =>
        Assert.Equal(informantStage, CaseStage.InformantStage(stage));

    [Fact]
    public void Every_stage_has_an_informant_stage() =>
        Assert.All(CaseStage.All, stage => Assert.Contains(CaseStage.InformantStage(stage), InformantStages.All));
}
