using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Reporting.CaseManagement.Cases;

namespace Reporting.CaseManagement.Workbench.Forms;

/// <summary>
/// The deciders' validation messages on a Chinese page. Their stock rules (not empty, too long) speak Chinese through
/// FluentValidation's own translations once the request's UI culture is Chinese, with each field called by the form's
/// name for it; the messages the deciders wrote themselves, in the API's English, are translated here one by one.
/// </summary>
internal static class ValidationMessages
{
    private static int _installed;

    /// <summary>Each message the deciders wrote, by a fragment that names it, and what a Chinese page says instead.</summary>
    private static readonly (string English, string Chinese)[] Own =
    [
        ("Say what the new evidence is.", "请说明新的证据是什么"),
        ("Say why the proposal is rejected.", "请说明退回的理由"),
        ("A collective review has at least", $"集体研究至少要有 {CollectiveReview.MinimumParticipants} 名不同的参加人"),
        ("At most 20 assignees.", "承办人最多 20 名"),
        ("Each participant is named", "每名参加人都要填写姓名（不超过 100 个字符）"),
        ("Record the defence, or that the subject declined", "请登记陈述申辩内容，或勾选被审查人放弃陈述申辩"),
        ("Each username once.", "同一名承办人只能选择一次"),
        ("Method is one of:", "请从列表中选择处置方式"),
        ("Outcome is one of:", "请从列表中选择结果"),
        ("Response is 'accepted' or 're-routed'.", "请从列表中选择转办回复"),
        ("Each sanction is an object", "每项处分都要选择种类和档次"),
        ("Ground is one of:", "请从列表中选择不予受理的理由"),
        ("At most one party sanction.", "党纪处分最多一项"),
        ("At most one administrative sanction.", "政务处分最多一项"),
        ("Outcome is 'upheld', 'varied' or 'revoked'.", "请从列表中选择复查结果"),
        ("Recommendation is one of:", "请从列表中选择处理建议"),
        ("Sanctions are given only when the decision is varied.", "只有变更原决定时才填写处分"),
        ("Kind is 'review' or 're-review'.", "请从列表中选择申诉类型"),
        ("Each category once.", "同一问题类别只能选择一次"),
        ("is not a category.", "请从列表中选择问题类别"),
        ("At most 20 accused persons.", "被反映人最多 20 名"),
        ("Each accused person is an object.", "请填写每名被反映人"),
        ("Channel is one of:", "请从列表中选择来源渠道"),
        ("names its type.", "请选择处分档次"),
        ("is not a party sanction.", "请从列表中选择党纪处分的档次"),
        ("Probation (留党察看) is for 12 or 24 months.", "留党察看的期限为 12 个月或 24 个月"),
        ("has no period.", "此项处分没有期限，请不要填写"),
        ("is not an administrative sanction.", "请从列表中选择政务处分的档次"),
        ("Administrative sanctions have statutory periods", "政务处分的期限由法律规定，请不要填写"),
        ("is not one of the other dispositions.", "请从列表中选择其他处理的方式"),
        ("is not 'party', 'administrative' or 'other'.", "请从列表中选择处分种类"),
    ];

    /// <summary>The message in Chinese, or null when it is not one the deciders wrote.</summary>
    public static string? InChinese(string message) => Own.FirstOrDefault(known => message.Contains(known.English, StringComparison.Ordinal)).Chinese;

    /// <summary>
    /// Names fields by the workbench's labels when, and only when, the validating request speaks Chinese; everywhere
    /// else (the API, English pages) FluentValidation's own naming stands. Installed once per process.
    /// </summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1)
            return;
        var standard = ValidatorOptions.Global.DisplayNameResolver;
        ValidatorOptions.Global.DisplayNameResolver = (type, member, expression) =>
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" && member is not null
                && Labels.Fields.TryGetValue(JsonNamingPolicy.CamelCase.ConvertName(member.Name), out var name)
                ? name.Zh
                : standard(type, member, expression);
    }
}
