using Reporting.Storage.Shredding;
using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.HandlingProtectionRequest;

/// <summary>An approver answers an informant's request for protection against retaliation with the measures taken.</summary>
public sealed record HandleProtectionRequest(string Measures);

/// <summary>The measures taken on the oldest open protection request of the case.</summary>
public sealed record ProtectionRequestHandled(Shreddable<string> Measures, string By, DateTimeOffset At);

public sealed class HandleProtectionRequestValidator : CommandValidator<HandleProtectionRequest>
{
    public HandleProtectionRequestValidator() => RuleFor(command => command.Measures).NotEmpty().MaximumLength(4000);
}

public static class HandleProtectionRequestDecider
{
    public static readonly CaseAction Action = CaseAction.For<HandleProtectionRequest>("handle-protection-request", Guard, Decide);

    private static readonly HandleProtectionRequestValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "handle a protection request", StaffRole.Approver)
        ?? (state.OpenProtectionRequests > 0 ? null : Refusal.Conflict("The informant has no open request for protection."));

    public static IReadOnlyList<object> Decide(CaseState state, HandleProtectionRequest command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        return CaseRules.Decided(state, now, new ProtectionRequestHandled(command.Measures, actor.Username, now));
    }
}
