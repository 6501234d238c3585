using System.Text;
using Reporting.Intake.Receipts;
using Reporting.Intake.Status.Checking;
using static Reporting.Intake.Portal.PortalPage;

namespace Reporting.Intake.Portal;

/// <summary>
/// The receipt form, and the case seen through a receipt: stage, outcome, the conversation, and forms to reply, to
/// add material and to ask for protection against retaliation. The receipt travels only in hidden fields of POSTed forms, never in a link.
/// </summary>
internal static class StatusPage
{
    public static IResult RenderForm(Language language, string formToken, string? notice = null, int statusCode = StatusCodes.Status200OK)
    {
        var text = PortalText.For(language);
        var body = new StringBuilder();
        if (notice is not null)
            body.Append(Notice(notice));
        body.Append($"""
            <form method="post" action="/status{language.Query()}" accept-charset="utf-8" novalidate>{TokenField(formToken)}
            <label for="receipt">{Encode(text.ReceiptLabel)} *</label>
            <p class="hint" id="receipt-hint">{Encode(text.ReceiptHint)}</p>
            <input type="text" id="receipt" name="receipt" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="40" aria-required="true" aria-describedby="receipt-hint">
            <button type="submit">{Encode(text.StatusButton)}</button>
            </form>
            """);
        return PortalPage.Render(language, text.StatusHeading, body.ToString(), statusCode, "/status");
    }

    /// <param name="statusCode">4xx when the notice is a refusal (an attachment not kept): it is then announced as an alert.</param>
    public static IResult RenderCase(Language language, ReceiptCode receipt, InformantView view, Func<string> issueFormToken, string? notice = null, IReadOnlyList<string>? removedMetadata = null, int statusCode = StatusCodes.Status200OK)
    {
        var text = PortalText.For(language);
        var body = new StringBuilder();
        if (notice is not null)
            body.Append(Notice(notice, statusCode >= 400 ? "alert" : "status"));
        if (removedMetadata is { Count: > 0 })
            body.Append($"""<p>{Encode(text.MetadataRemoved)} {Encode(string.Join(", ", removedMetadata))}</p>""");
        body.Append($"""<dl><div><dt>{Encode(text.Stage)}</dt><dd id="stage">{Encode(text.Stages.GetValueOrDefault(view.Stage, view.Stage))}</dd></div><div><dt>{Encode(text.UpdatedAt)}</dt><dd>{Encode(Hour(view.UpdatedAt))}</dd></div></dl>""");
        if (view.Feedback is not null)
            body.Append($"""<h2>{Encode(text.Feedback)}</h2><p class="feedback">{Encode(view.Feedback)}</p>""");

        body.Append($"""<h2 id="messages">{Encode(text.MessagesHeading)}</h2>""");
        if (view.Messages.Count == 0)
            body.Append($"""<p>{Encode(text.NoMessages)}</p>""");
        else
            body.Append($"""<ol class="thread" aria-labelledby="messages">{string.Concat(view.Messages.Select(message =>
                $"""<li><span class="meta">{Encode(message.From == "office" ? text.FromOffice : text.FromInformant)} · {Encode(Hour(message.SentAt))}</span>{Encode(message.Body)}</li>"""))}</ol>""");
        var receiptField = $"""<input type="hidden" name="receipt" value="{Encode(receipt.Display)}">""";
        body.Append($"""
            <form method="post" action="/messages{language.Query()}" accept-charset="utf-8" novalidate>{TokenField(issueFormToken())}{receiptField}
            <label for="message">{Encode(text.ReplyLabel)}</label>
            <textarea id="message" name="body" rows="6" maxlength="20000"></textarea>
            <button type="submit">{Encode(text.ReplyButton)}</button>
            </form>
            <h2 id="attachments">{Encode(text.AttachmentHeading)}</h2>
            <p class="hint" id="file-hint">{Encode(text.AttachmentHint)}</p>
            <form method="post" action="/attachments{language.Query()}" enctype="multipart/form-data" novalidate>{TokenField(issueFormToken())}{receiptField}
            <label for="file">{Encode(text.AttachmentLabel)}</label>
            <input type="file" id="file" name="file" aria-describedby="file-hint">
            <button type="submit">{Encode(text.AttachmentButton)}</button>
            </form>
            <h2 id="protection">{Encode(text.ProtectionHeading)}</h2>
            <p class="hint" id="protection-hint">{Encode(text.ProtectionHint)}</p>
            <form method="post" action="/protection{language.Query()}" accept-charset="utf-8" novalidate>{TokenField(issueFormToken())}{receiptField}
            <label for="protection-body">{Encode(text.ProtectionLabel)}</label>
            <textarea id="protection-body" name="body" rows="5" maxlength="20000" aria-describedby="protection-hint"></textarea>
            <button type="submit">{Encode(text.ProtectionButton)}</button>
            </form>
            """);
        body.Append(HomePage.SafetyAdvice(text));
        return PortalPage.Render(language, text.StatusHeading, body.ToString(), statusCode, switchPath: null);
    }
}
