using Reporting.Intake.Contracts;
using FluentValidation;

namespace Reporting.Intake.Reports.Submitting;

/// <summary>The contract's limits on a report. Every message is a stable code the portal translates.</summary>
public sealed class ReportValidator : AbstractValidator<Report>
{
    public const int MaxAccused = 20;
    public const int MaxAccusedName = 100;
    public const int MaxShortField = 200;
    public const int MaxCategories = 5;
    public const int MaxTitle = 200;
    public const int MinDetails = 20;
    public const int MaxDetails = 20_000;
    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal) { "zh-CN", "en" };

    public ReportValidator(TimeProvider clock)
    {
        RuleFor(report => report.Accused).Cascade(CascadeMode.Stop).NotNull().WithMessage("required")
            .Must(accused => accused!.Count is >= 1 and <= MaxAccused).WithMessage($"between 1 and {MaxAccused} people");
        RuleForEach(report => report.Accused).NotNull().WithMessage("required").SetValidator(new AccusedPersonValidator());

        RuleFor(report => report.Categories).Cascade(CascadeMode.Stop).NotNull().WithMessage("required")
            .Must(categories => categories!.Count is >= 1 and <= MaxCategories).WithMessage($"between 1 and {MaxCategories} categories")
            .Must(categories => categories!.Distinct(StringComparer.Ordinal).Count() == categories!.Count).WithMessage("listed twice");
        RuleForEach(report => report.Categories).Must(code => code is not null && ReportCategories.Codes.Contains(code)).WithMessage("unknown category");

        RuleFor(report => report.Title).Text(1, MaxTitle);
        RuleFor(report => report.Details).Text(MinDetails, MaxDetails);
        RuleFor(report => report.Location).OptionalText(MaxShortField);

        RuleFor(report => report.OccurredFrom).Must(date => date is null || date <= Today(clock)).WithMessage("in the future");
        RuleFor(report => report.OccurredTo).Must(date => date is null || date <= Today(clock)).WithMessage("in the future")
            .Must((report, to) => to is null || report.OccurredFrom is null || to >= report.OccurredFrom).WithMessage("before occurredFrom");

        RuleFor(report => report.Informant!).SetValidator(new RealNameInformantValidator()).When(report => report.Informant is not null);
        RuleFor(report => report.Language).Must(language => language is null || Languages.Contains(language)).WithMessage("unknown language");
    }

    /// <summary>The commission works on Beijing time (UTC+8, no daylight saving): "the future" starts at its midnight.</summary>
    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8));

    private sealed class AccusedPersonValidator : AbstractValidator<AccusedPerson>
    {
        public AccusedPersonValidator()
        {
            RuleFor(person => person.Name).Text(1, MaxAccusedName);
            RuleFor(person => person.Position).OptionalText(MaxShortField);
            RuleFor(person => person.Organization).OptionalText(MaxShortField);
            RuleFor(person => person.Rank).OptionalText(MaxShortField);
            RuleFor(person => person.Region).OptionalText(MaxShortField);
        }
    }

    private sealed class RealNameInformantValidator : AbstractValidator<RealNameInformant>
    {
        public RealNameInformantValidator()
        {
            RuleFor(informant => informant.Name).Text(1, MaxAccusedName);
            RuleFor(informant => informant.Phone).Text(1, 30)
                .Matches(@"^\+?[0-9][0-9 \-]{4,28}[0-9]$").WithMessage("not a phone number");
            RuleFor(informant => informant.Email).OptionalText(254)
                .Matches(@"^[^@\s]+@[^@\s]+\.[^@\s]+$").WithMessage("not an email address").When(informant => !string.IsNullOrEmpty(informant.Email));
            RuleFor(informant => informant.IdNumber).OptionalText(18)
                .Matches("^[0-9]{17}[0-9Xx]$").WithMessage("not an identity card number").When(informant => !string.IsNullOrEmpty(informant.IdNumber));
            RuleFor(informant => informant.Address).OptionalText(MaxShortField);
        }
    }
}

/// <summary>Length and character rules shared by every text field of a report.</summary>
internal static class TextRules
{
    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilderInitial<T, string?> rule, int min, int max) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("required")
            .Must(text => text!.Length >= min && text.Length <= max).WithMessage($"between {min} and {max} characters")
            .Must(text => HasOnlyAllowedCharacters(text!)).WithMessage("control characters are not allowed");

    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilderInitial<T, string?> rule, int max) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(text => text is null || text.Length <= max).WithMessage($"at most {max} characters")
            .Must(text => text is null || HasOnlyAllowedCharacters(text)).WithMessage("control characters are not allowed");

    /// <summary>
    /// Control characters could hide text from the officer reading it or break the exports, so only newline and tab
    /// pass. Bidirectional overrides are refused too: they can make a name read differently from how it is stored.
    /// </summary>
    public static bool HasOnlyAllowedCharacters(string text)
    {
        foreach (var character in text)
        {
            if (character is '\n' or '\t')
                continue;
            if (char.IsControl(character) || character is '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069')
                return false;
        }
        return true;
    }
}
