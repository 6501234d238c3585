namespace Reporting.CaseManagement.Cases;

/// <summary>Why an action was refused, in the three kinds the HTTP contract distinguishes.</summary>
public enum RefusalKind
{
    /// <summary>The command itself is malformed (400).</summary>
    Invalid,

    /// <summary>The actor may not do this: role, separation of duties or recusal (403).</summary>
    Forbidden,

    /// <summary>The case's state does not allow it now (409).</summary>
    Conflict,
}

/// <param name="Errors">For <see cref="RefusalKind.Invalid"/>: messages by field path, as in ValidationProblemDetails.</param>
public sealed record Refusal(RefusalKind Kind, string Message, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static Refusal Forbidden(string message) => new(RefusalKind.Forbidden, message);

    public static Refusal Conflict(string message) => new(RefusalKind.Conflict, message);

    public static Refusal Invalid(string message) => new(RefusalKind.Invalid, message);
}

/// <summary>Thrown by a decider that refuses a command; nothing was decided.</summary>
public sealed class CaseActionRefusedException(Refusal refusal) : Exception(refusal.Message)
{
    public Refusal Refusal { get; } = refusal;
}
