using Reporting.Intake.Contracts;
using System.Text.Json.Serialization;
using Reporting.Storage.Shredding;
using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.Registering;

/// <summary>The registrar's record of a submitted report (登记).</summary>
/// <param name="Channel">How the report came in: "online", "letter", "visit" or "phone".</param>
/// <param name="AccusesHead">The report accuses this organ's head: it will be bypassed to the organ above.</param>
/// <param name="Number">
/// The case number the endpoint drew for this registration (<see cref="CaseNumbers"/>); never taken from the body.
/// </param>
public sealed record RegisterCase(
    IReadOnlyList<string> Categories,
    IReadOnlyList<AccusedPerson> Accused,
    string Summary,
    bool RealName,
    string Channel = "online",
    bool AccusesHead = false,
    [property: JsonIgnore] string? Number = null);

public sealed class RegisterCaseValidator : CommandValidator<RegisterCase>
{
    public static readonly IReadOnlyList<string> Channels = ["online", "letter", "visit", "phone"];

    public RegisterCaseValidator()
    {
        RuleFor(command => command.Categories).NotEmpty()
            .Must(categories => categories.Distinct().Count() == categories.Count).WithMessage("Each category once.");
        RuleForEach(command => command.Categories).Must(ReportCategories.Codes.Contains).WithMessage("'{PropertyValue}' is not a category.");
        RuleFor(command => command.Accused).NotEmpty().Must(accused => accused.Count <= 20).WithMessage("At most 20 accused persons.");
        // JSON may hold null where a person belongs; the child rules below read each person's fields.
        RuleForEach(command => command.Accused).NotNull().WithMessage("Each accused person is an object.").ChildRules(person =>
        {
            person.RuleFor(p => p.Name).NotEmpty().MaximumLength(100);
            person.RuleFor(p => p.Position).MaximumLength(200);
            person.RuleFor(p => p.Organization).MaximumLength(200);
            person.RuleFor(p => p.Rank).MaximumLength(100);
            person.RuleFor(p => p.Region).MaximumLength(100);
        });
        RuleFor(command => command.Summary).NotEmpty().MaximumLength(4000);
        RuleFor(command => command.Channel).Must(Channels.Contains).WithMessage("Channel is one of: " + string.Join(", ", Channels) + ".");
    }
}

public static class RegisterCaseDecider
{
    public static readonly CaseAction Action = CaseAction.For<RegisterCase>("register", Guard, Decide);

    private static readonly RegisterCaseValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "register a report", StaffRole.Registrar)
        ?? CaseRules.InStage(state, "register the report", CaseStage.Submitted);

    public static IReadOnlyList<object> Decide(CaseState state, RegisterCase command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        // Whether a report is real-name is the informant's choice at submission; registration records it, never changes it.
        if (command.RealName != state.SubmittedWithIdentity)
            throw new CaseActionRefusedException(Refusal.Invalid(state.SubmittedWithIdentity
                ? "The informant gave their identity: the report is real-name."
                : "The informant gave no identity: the report is anonymous."));

        var deadlines = new List<object>();
        if (command.RealName)
            deadlines.Add(new DeadlineStarted(calendar.WorkingDays(DeadlineKind.AcceptanceNotice, state.ReceivedAt, DeadlineRules.AcceptanceNoticeWorkingDays)));
        if (command.AccusesHead)
            deadlines.Add(new DeadlineStarted(calendar.WorkingDays(DeadlineKind.Bypass, state.ReceivedAt, DeadlineRules.EscalationWorkingDays)));

        return CaseRules.Decided(state, now,
        [
            new CaseRegistered(command.Categories, new Shreddable<IReadOnlyList<AccusedPerson>>(command.Accused), command.Summary, command.RealName, command.Channel, command.AccusesHead, actor.Username, now),
            .. command.Number is { } number ? [new CaseNumbered(number, now)] : Array.Empty<object>(),
            .. deadlines,
        ]);
    }
}
