using System.Text.Json;
using Reporting.CaseManagement.Cases;

namespace Reporting.CaseManagement.Tests;

/// <summary>Given a case's history, when an actor sends a command, then these events, or this refusal.</summary>
internal static class Specification
{
    public static GivenCase Given(CaseHistory history) => new(history);

    internal sealed record GivenCase(CaseHistory History)
    {
        public WhenCommand When(Actor actor, object command, DateTimeOffset? at = null) => new(History, actor, command, at ?? History.Clock);
    }

    internal sealed record WhenCommand(CaseHistory History, Actor Actor, object Command, DateTimeOffset At)
    {
        private IReadOnlyList<object> Decide() => CaseActions.Decide(History.State, Command, Actor, At, CaseHistory.Calendar);

        public void Then(params object[] expected) => Assert.Equal(Describe(expected), Describe(Decide()));

        /// <summary>The command is refused with that kind, and the message contains the reason given.</summary>
        public Refusal ThenRefused(RefusalKind kind, string because)
        {
            var refusal = Assert.Throws<CaseActionRefusedException>(() => Decide()).Refusal;
            Assert.Equal(kind, refusal.Kind);
            Assert.Contains(because, refusal.Message + string.Concat(refusal.Errors?.Values.SelectMany(messages => messages) ?? []), StringComparison.Ordinal);
            return refusal;
        }

        /// <summary>The decided events, for tests that look at one of them.</summary>
        public IReadOnlyList<object> Events() => Decide();
    }

    // Events are records holding lists, which compare by reference: compare what they would store instead, with the
    // values of shreddable fields in the clear (the store would seal them under the stream's key).
    private static string[] Describe(IEnumerable<object> events) =>
        events.Select(@event => $"{@event.GetType().Name} {JsonSerializer.Serialize(@event, @event.GetType(), Plain)}").ToArray();

    private static readonly JsonSerializerOptions Plain = new() { Converters = { new Reporting.CaseManagement.Cases.Listing.PlainShreddableConverter() } };
}
