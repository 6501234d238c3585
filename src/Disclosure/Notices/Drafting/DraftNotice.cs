using FluentValidation;
using Reporting.CaseManagement.Contracts;

namespace Reporting.Disclosure.Notices.Drafting;

/// <summary>
/// <c>POST /api/notices</c>: the contract's body is the case and kind beside the notice's content, in one object; the
/// content part is read as a <see cref="ContentBody"/>, as a revision's is.
/// </summary>
public sealed record DraftNoticeRequest(Guid CaseId, string Kind);

public sealed class DraftNoticeRequestValidator : AbstractValidator<DraftNoticeRequest>
{
    public DraftNoticeRequestValidator()
    {
        RuleFor(request => request.CaseId).NotEmpty();
        RuleFor(request => request.Kind).Must(kind => NoticeKind.Drafted.Contains(kind)).WithMessage("sanction, clarification or case-filed");
    }
}

/// <summary>
/// Whether a notice of the kind may be drafted from the case as it stands, and that the draft names no informant. Pure:
/// the endpoint looks up the case's facts and the informant check first.
/// </summary>
public static class DraftNoticeDecider
{
    public static NoticeDrafted Decide(
        Guid noticeId, DisclosableCase? facts, string kind, NoticeContent content, IReadOnlyList<string> informantFieldsFound, string by, DateTimeOffset now)
    {
        if (facts is null)
            throw NoticeRefusedException.Invalid("caseId", "There is no case with this id.");
        RefuseUnlessCaseAllows(facts, kind);
        RefuseInformantText(informantFieldsFound);
        RefuseUndecidedSanctions(facts, kind, content);
        return new NoticeDrafted(noticeId, facts.CaseId, kind, content, by, now);
    }

    public static void RefuseUnlessCaseAllows(DisclosableCase facts, string kind)
    {
        var allowed = kind switch
        {
            NoticeKind.Sanction => facts.Sanctioned,
            NoticeKind.Clarification => facts.ClearedAt is not null,
            NoticeKind.CaseFiled => facts.FiledAt is not null,
            _ => false,
        };
        if (!allowed)
            throw NoticeRefusedException.Conflict(kind switch
            {
                NoticeKind.Sanction => $"A disposition notice is drafted only for a case closed with a decision on sanctions; this case is at stage '{facts.Stage}'{(facts.DecidedAt is null ? " and has no decision" : "")}.",
                NoticeKind.Clarification => "A clarification is drafted only for a case in which the accused's name was cleared.",
                _ => "A case-filed notice is drafted only for a case that was filed for investigation.",
            });
    }

    /// <summary>Refused with the fields named (their values never leave Case Management) so the publisher knows what to take out.</summary>
    public static void RefuseInformantText(IReadOnlyList<string> informantFieldsFound)
    {
        if (informantFieldsFound.Count > 0)
            throw new NoticeRefusedException(new NoticeRefusal(NoticeRefusalKind.Invalid,
                "The draft contains the informant's details, which a notice must never carry: " + string.Join(", ", informantFieldsFound) + ".",
                new Dictionary<string, string[]> { ["notice"] = [.. informantFieldsFound.Select(field => $"contains the case's {field}")] }));
    }

    /// <summary>A notice states the sanctions decided, never others.</summary>
    public static void RefuseUndecidedSanctions(DisclosableCase facts, string kind, NoticeContent content)
    {
        if (kind != NoticeKind.Sanction)
            return;
        var undecided = content.Sanctions.Where(sanction => !facts.Sanctions.Any(decided => decided.Kind == sanction.Kind && decided.Type == sanction.Type)).ToList();
        if (undecided.Count > 0)
            throw NoticeRefusedException.Invalid("sanctions", "Not decided in this case: " + string.Join(", ", undecided.Select(sanction => $"{sanction.Kind}:{sanction.Type}")) + ".");
    }
}
