namespace Reporting.Disclosure.Notices;

public enum NoticeRefusalKind
{
    /// <summary>403: the actor may not do this to this notice (self-approval).</summary>
    Forbidden,

    /// <summary>409: the notice's state forbids it (nothing to approve, already withdrawn).</summary>
    Conflict,

    /// <summary>400: the request itself is wrong (a draft naming its informant, a case not yet at the stage).</summary>
    Invalid,
}

public sealed record NoticeRefusal(NoticeRefusalKind Kind, string Message, IDictionary<string, string[]>? Errors = null);

/// <summary>How a decider says no; the endpoint turns it into a problem response and appends nothing.</summary>
public sealed class NoticeRefusedException(NoticeRefusal refusal) : Exception(refusal.Message)
{
    public NoticeRefusal Refusal { get; } = refusal;

    public static NoticeRefusedException Conflict(string message) => new(new NoticeRefusal(NoticeRefusalKind.Conflict, message));

    public static NoticeRefusedException Forbidden(string message) => new(new NoticeRefusal(NoticeRefusalKind.Forbidden, message));

    public static NoticeRefusedException Invalid(string field, string message) =>
        new(new NoticeRefusal(NoticeRefusalKind.Invalid, message, new Dictionary<string, string[]> { [field] = [message] }));
}
