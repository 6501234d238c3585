using System.Globalization;
using Reporting.CaseManagement.Contracts;


namespace Reporting.Disclosure.Notices.Drafting;

/// <summary>
/// A draft filled in from the case: the first registered accused as the subject, the decided sanctions, the registered
/// categories as findings to be written, the review's findings as a starting body, and the date of the decision. The
/// publisher rewrites it into a notice; nothing here is published as it stands.
/// </summary>
internal static class NoticePrefill
{
    public static object From(DisclosableCase facts, string kind, string publishingOrgan)
    {
        var subject = facts.Accused.FirstOrDefault() ?? new DisclosableSubject("", null, null);
        var sanctions = kind == NoticeKind.Sanction ? facts.Sanctions.Select(s => new NoticeSanction(s.Kind, s.Type, s.PeriodMonths)).ToList() : [];
        var decidedOn = (kind switch
        {
            NoticeKind.Sanction => facts.DecidedAt,
            NoticeKind.Clarification => facts.ClearedAt,
            _ => facts.FiledAt,
        }) is { } at ? DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime) : (DateOnly?)null;
        var formerly = $"{subject.Organization}{(subject.Position is null ? "" : "原" + subject.Position)}{subject.Name}";
        var headline = kind switch
        {
            NoticeKind.Sanction => $"{formerly}受到{string.Join("、", sanctions.Select(s => SanctionNames.Chinese(s.Kind, s.Type)))}",
            NoticeKind.Clarification => $"关于为{formerly}澄清正名的通报",
            _ => $"{formerly}接受纪律审查和监察调查",
        };
        return new
        {
            caseId = facts.CaseId,
            kind,
            headline,
            body = kind == NoticeKind.Sanction ? facts.Findings ?? "" : "",
            subject = new NoticeSubject(subject.Name, subject.Position, subject.Organization),
            violations = facts.Categories.Select(category => new NoticeViolation(category, "")).ToList(),
            sanctions,
            characterization = (string?)null,
            legalBasis = (string?)null,
            authority = (string?)null,
            decidedOn = decidedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            publishingOrgan,
        };
    }
}
