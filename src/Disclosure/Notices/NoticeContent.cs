using System.Text;
using FluentValidation;
using Reporting.CaseManagement.Contracts;
using Reporting.Intake.Contracts;

namespace Reporting.Disclosure.Notices;

/// <summary>
/// What a notice says, as its publisher wrote it (domain.md, "Disclosure notices"): headline; the subject's name, former
/// post and organization; findings by discipline category; characterization; legal basis; sanctions; the approving
/// authority; date and publishing organ. There is deliberately no place for an informant, a witness or a method.
/// </summary>
public sealed record NoticeContent(
    string Headline,
    string Body,
    NoticeSubject Subject,
    IReadOnlyList<NoticeViolation> Violations,
    string? Characterization,
    string? LegalBasis,
    IReadOnlyList<NoticeSanction> Sanctions,
    string? Authority,
    DateOnly? DecidedOn,
    string PublishingOrgan)
{
    /// <summary>Every text of the notice, for the informant check and for search.</summary>
    public IEnumerable<string> Texts() =>
        [Headline, Body, Subject.Name, Subject.FormerPosition ?? "", Subject.Organization ?? "", Characterization ?? "", LegalBasis ?? "",
            Authority ?? "", PublishingOrgan, .. Violations.Select(violation => violation.Finding)];

    /// <summary>NFC throughout (transparency.md): the same text always canonicalizes, and so hashes, the same.</summary>
    public NoticeContent Normalized() => this with
    {
        Headline = Nfc(Headline)!,
        Body = Nfc(Body)!,
        Subject = new NoticeSubject(Nfc(Subject.Name)!, Nfc(Subject.FormerPosition), Nfc(Subject.Organization)),
        Violations = [.. Violations.Select(violation => violation with { Finding = Nfc(violation.Finding)! })],
        Characterization = Nfc(Characterization),
        LegalBasis = Nfc(LegalBasis),
        Authority = Nfc(Authority),
        PublishingOrgan = Nfc(PublishingOrgan)!,
    };

    private static string? Nfc(string? text) => text?.Trim().Normalize(NormalizationForm.FormC);
}

public sealed record NoticeSubject(string Name, string? FormerPosition, string? Organization);

/// <param name="Category">One of the report categories of the contract (the six disciplines and the offence types).</param>
public sealed record NoticeViolation(string Category, string Finding);

/// <param name="Kind">"party", "administrative" or "other", with the types of the contract.</param>
public sealed record NoticeSanction(string Kind, string Type, int? PeriodMonths);

public sealed class NoticeContentValidator : AbstractValidator<NoticeContent>
{
    public const int LongestBody = 20_000;

    public NoticeContentValidator()
    {
        RuleFor(content => content.Headline).NotEmpty().MaximumLength(200);
        RuleFor(content => content.Body).NotEmpty().MaximumLength(LongestBody);
        RuleFor(content => content.Subject).NotNull();
        RuleFor(content => content.Subject.Name).NotEmpty().MaximumLength(100).When(content => content.Subject is not null);
        RuleFor(content => content.Subject.FormerPosition).MaximumLength(200).When(content => content.Subject is not null);
        RuleFor(content => content.Subject.Organization).MaximumLength(200).When(content => content.Subject is not null);
        RuleFor(content => content.Violations).NotNull().Must(violations => violations is null || violations.Count <= 20).WithMessage("at most 20 findings");
        RuleForEach(content => content.Violations).ChildRules(violation =>
        {
            violation.RuleFor(v => v.Category).Must(code => code is not null && ReportCategories.Codes.Contains(code)).WithMessage("'{PropertyValue}' is not a category.");
            violation.RuleFor(v => v.Finding).NotEmpty().MaximumLength(4000);
        });
        RuleFor(content => content.Characterization).MaximumLength(2000);
        RuleFor(content => content.LegalBasis).MaximumLength(2000);
        RuleFor(content => content.Authority).MaximumLength(500);
        RuleFor(content => content.PublishingOrgan).NotEmpty().MaximumLength(200);
        RuleFor(content => content.Sanctions).NotNull().Must(sanctions => sanctions is null || sanctions.Count <= 10).WithMessage("at most 10 sanctions");
        RuleForEach(content => content.Sanctions).Must(Known).WithMessage("a sanction of the contract: party, administrative or other, with its type");
    }

    private static bool Known(NoticeSanction? sanction) => sanction?.Kind switch
    {
        SanctionKind.Party => PartySanction.All.Contains(sanction.Type),
        SanctionKind.Administrative => AdministrativeSanction.PeriodMonths.ContainsKey(sanction.Type),
        SanctionKind.Other => OtherDisposition.All.Contains(sanction.Type),
        _ => false,
    };
}
