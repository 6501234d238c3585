using System.Globalization;
using System.Text;
using System.Text.Json;
using Reporting.Disclosure.Notices;
using Reporting.Disclosure.PublicRecord;
using static Reporting.Disclosure.Site.PublicPage;

namespace Reporting.Disclosure.Site;

/// <summary>
/// <c>GET /notices/{id}</c>: the notice as signed (the page is rendered from the signed bytes themselves, so it shows
/// what the signature covers), any withdrawal statement above it, its versions, and the verified-record box with the
/// files a reader needs to check it.
/// </summary>
internal static class NoticePage
{
    public static string Render(Language language, PublishedNotice notice)
    {
        var body = new StringBuilder();
        var shown = notice.LastWithContent!;
        using var document = JsonDocument.Parse(shown.Version.Notice);
        var content = document.RootElement;
        var id = notice.NoticeId;
        if (notice.Withdrawn)
        {
            using var withdrawal = JsonDocument.Parse(notice.Current.Version.Notice);
            body.Append($"""
                <div class="notice" role="note">
                <h2>{language.Pick("本通报已撤回", "This notice was withdrawn")}</h2>
                <p>{language.Pick("撤回日期", "Withdrawn on")}：{Date(notice.Current.Version.At)}；{language.Pick("发布机关", "by")}：<span lang="zh-CN">{Encode(Text(withdrawal.RootElement, "publishingOrgan"))}</span></p>
                <p>{language.Pick("撤回理由", "Reason")}：<span lang="zh-CN">{Encode(Text(withdrawal.RootElement, "reason"))}</span></p>
                </div>
                """);
        }
        if (content.TryGetProperty("corrects", out var corrects))
            body.Append($"""<p class="notice" role="note">{language.Pick($"本通报第 {shown.Version.Version} 版更正了第 {corrects.GetProperty("version").GetInt32()} 版。更正说明：", $"Version {shown.Version.Version} corrects version {corrects.GetProperty("version").GetInt32()}. What was corrected: ")}<span lang="zh-CN">{Encode(Text(corrects, "reason"))}</span></p>""");

        body.Append("""<dl class="facts">""");
        Row(body, language.Pick("类别", "Kind"), Labels.NoticeKind(language, Text(content, "kind")));
        var subject = content.GetProperty("subject");
        Row(body, Text(content, "kind") == NoticeKind.Sanction ? language.Pick("被处分人", "Person sanctioned") : language.Pick("当事人", "Person concerned"), Encode(string.Join(" · ", new[] { Text(subject, "name"), Text(subject, "formerPosition"), Text(subject, "organization") }.Where(part => part.Length > 0))), chinese: true);
        Row(body, language.Pick("决定机关及审批", "Authority and approval"), Encode(Text(content, "authority")), chinese: true);
        Row(body, language.Pick("决定日期", "Decided on"), Encode(Text(content, "decidedOn")));
        Row(body, language.Pick("发布机关", "Published by"), Encode(Text(content, "publishingOrgan")), chinese: true);
        Row(body, language.Pick("发布时间", "Published"), Date(notice.Versions[0].Version.At));
        body.Append("</dl>");

        body.Append($"""<h2>{language.Pick("通报正文", "Text of the notice")}</h2><div class="body" lang="zh-CN">{Encode(Text(content, "body"))}</div>""");
        if (content.TryGetProperty("violations", out var violations) && violations.GetArrayLength() > 0)
        {
            body.Append($"""<h2>{language.Pick("查明的违纪违法事实（按类别）", "Findings, by category")}</h2><dl class="facts">""");
            foreach (var violation in violations.EnumerateArray())
                Row(body, Labels.Category(language, Text(violation, "category")), Encode(Text(violation, "finding")), chinese: true);
            body.Append("</dl>");
        }
        if (Text(content, "characterization") is { Length: > 0 } characterization)
            body.Append($"""<h2>{language.Pick("定性", "Characterization")}</h2><p lang="zh-CN">{Encode(characterization)}</p>""");
        if (Text(content, "legalBasis") is { Length: > 0 } legalBasis)
            body.Append($"""<h2>{language.Pick("依据", "Legal basis")}</h2><p lang="zh-CN">{Encode(legalBasis)}</p>""");
        if (content.TryGetProperty("sanctions", out var sanctions) && sanctions.GetArrayLength() > 0)
        {
            body.Append($"""<h2>{language.Pick("处理决定", "Decision")}</h2><ul>""");
            foreach (var sanction in sanctions.EnumerateArray())
                body.Append($"<li>{Encode(Labels.Sanction(language, $"{Text(sanction, "kind")}:{Text(sanction, "type")}"))}</li>");
            body.Append("</ul>");
        }

        body.Append(RecordBox(language, notice));
        return PublicPage.Html(language, Section.Notices, $"/notices/{id}", Text(content, "headline"), body.ToString(), "/notices/feed.atom");
    }

    private static string RecordBox(Language language, PublishedNotice notice)
    {
        var id = notice.NoticeId;
        var current = notice.Current.Version;
        var box = new StringBuilder($"""
            <section class="record" aria-labelledby="record">
            <h2 id="record">{language.Pick("已核验记录", "Verified record")}</h2>
            <p>{language.Pick(
                "每一版通报都以通报密钥签名，并作为一条记录写入只增不改的透明日志。以下文件可用独立工具核验，方法见",
                "Each version is signed with the notice key and entered as a record in an append-only transparency log. The files below can be checked with independent tools; see")} <a href="{language.Link("/verify")}">{language.Pick("如何核验", "how to verify")}</a>{language.Pick("。", ".")}</p>
            <dl class="facts">
            """);
        Row(box, language.Pick("日志序号", "Log index"), current.LogIndex.ToString(CultureInfo.InvariantCulture));
        Row(box, language.Pick("记录哈希（叶子）", "Leaf hash"), $"""<code>{Convert.ToBase64String(current.LeafHash)}</code>""");
        Row(box, language.Pick("签名密钥", "Signing key"), $"<code>{Encode(current.NoticeKeyId)}</code>");
        Row(box, language.Pick("证明所依据的日志大小", "Proved against log size"), notice.Log.Size.ToString(CultureInfo.InvariantCulture));
        box.Append("</dl>");
        box.Append($"""<table><caption>{language.Pick("版本历史", "Versions")}</caption><thead><tr><th scope="col">{language.Pick("版本", "Version")}</th><th scope="col">{language.Pick("性质", "What")}</th><th scope="col">{language.Pick("发布日期", "Published")}</th><th scope="col">{language.Pick("日志序号", "Log index")}</th><th scope="col">{language.Pick("下载", "Files")}</th></tr></thead><tbody>""");
        foreach (var proved in notice.Versions)
        {
            var version = proved.Version;
            var path = $"/notices/{id}/v{version.Version}";
            box.Append($"""<tr><th scope="row">{version.Version}</th><td>{Labels.VersionKind(language, version.RecordKind)}</td><td>{Date(version.At)}</td><td>{version.LogIndex}</td><td><a href="{path}.json">{language.Pick($"第 {version.Version} 版原文", $"v{version.Version} text")} (.json)</a> · <a href="{path}.sig">{language.Pick("签名", "signature")} (.sig)</a> · <a href="{path}.tlog-proof">{language.Pick("收录证明", "inclusion proof")} (.tlog-proof)</a></td></tr>""");
        }
        box.Append($"""</tbody></table><p><a href="/notices-log/checkpoint">{language.Pick("日志当前检查点", "The log's current checkpoint")}</a> · <a href="/notices-log/keys.json">{language.Pick("公钥清单", "Public keys")} (keys.json)</a></p></section>""");
        return box.ToString();
    }

    private static void Row(StringBuilder html, string term, string value, bool chinese = false)
    {
        if (value.Length == 0)
            return;
        html.Append($"""<div><dt>{term}</dt><dd{(chinese ? " lang=\"zh-CN\"" : "")}>{value}</dd></div>""");
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
