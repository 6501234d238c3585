namespace Reporting.Disclosure;

/// <summary>Configuration section <c>Disclosure</c>.</summary>
public sealed class DisclosureOptions
{
    /// <summary>
    /// The log's origin and its key's name: the public prefix of the log without its scheme (transparency.md). Chosen
    /// once and never changed, since every checkpoint, record and witness names it.
    /// </summary>
    public string LogOrigin { get; set; } = "jw.example.gov.cn/notices-log";

    /// <summary>The publishing organ a draft names when its publisher names none.</summary>
    public string PublishingOrgan { get; set; } = "中共示例市纪律检查委员会　示例市监察委员会";

    /// <summary>
    /// For how long after a log key rotation checkpoints carry the previous key's signature beside the new one, so
    /// that witnesses and monitors can move to the new key without a gap.
    /// </summary>
    public int RotationOverlapDays { get; set; } = 30;

    /// <summary>The base URL the public site is reached at, for the feed's links and the export's pages.</summary>
    public string PublicBaseUrl { get; set; } = "https://jw.example.gov.cn";

    public const string Section = "Disclosure";
}
