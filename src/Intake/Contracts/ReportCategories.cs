namespace Reporting.Intake.Contracts;

/// <summary>The categories of misconduct the contract knows, with the names the pages show for them: reports, cases and notices share them.</summary>
public static class ReportCategories
{
    public static readonly IReadOnlyList<(string Code, string Chinese, string English)> All =
    [
        ("political", "违反政治纪律", "Breach of political discipline"),
        ("organizational", "违反组织纪律", "Breach of organizational discipline"),
        ("integrity", "违反廉洁纪律", "Breach of integrity discipline"),
        ("mass", "违反群众纪律", "Breach of discipline towards the public"),
        ("work", "违反工作纪律", "Breach of work discipline"),
        ("personal-life", "违反生活纪律", "Breach of personal-conduct discipline"),
        ("eight-point-rules", "违反中央八项规定精神", "Breach of the eight-point rules"),
        ("bribery-embezzlement", "贪污贿赂", "Bribery or embezzlement"),
        ("abuse-of-power", "滥用职权", "Abuse of power"),
        ("dereliction-of-duty", "玩忽职守", "Dereliction of duty"),
        ("rent-seeking", "权力寻租", "Rent-seeking"),
        ("benefit-tunnelling", "利益输送", "Tunnelling of benefits"),
        ("favouritism", "徇私舞弊", "Favouritism and malpractice"),
        ("waste-of-state-assets", "浪费国家资财", "Waste of state assets"),
        ("other", "其他", "Other"),
    ];

    public static readonly IReadOnlySet<string> Codes = All.Select(category => category.Code).ToHashSet(StringComparer.Ordinal);
}
