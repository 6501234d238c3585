namespace Reporting.Disclosure.Notices;

/// <summary>What a notice announces. A notice keeps its kind through corrections; a withdrawal is a version of its own.</summary>
public static class NoticeKind
{
    /// <summary>A disposition notice (处分通报) of a case closed with a decision.</summary>
    public const string Sanction = "sanction";

    /// <summary>A clarification (澄清正名) for a person whose name a report had wrongly blackened.</summary>
    public const string Clarification = "clarification";

    /// <summary>That a case was filed for review and investigation (立案审查调查).</summary>
    public const string CaseFiled = "case-filed";

    /// <summary>The signed statement that a notice is withdrawn.</summary>
    public const string Withdrawal = "withdrawal";

    public static readonly IReadOnlyList<string> Drafted = [Sanction, Clarification, CaseFiled];
}

/// <summary>The kind of a log record (transparency.md): what the published version did.</summary>
public static class RecordKind
{
    public const string Notice = "notice";
    public const string Correction = "correction";
    public const string Withdrawal = "withdrawal";
    public const string Clarification = "clarification";
}
