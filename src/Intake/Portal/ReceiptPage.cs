using static Reporting.Intake.Portal.PortalPage;

namespace Reporting.Intake.Portal;

/// <summary>The one time the receipt is shown: large, with the warning that it is the only key.</summary>
internal static class ReceiptPage
{
    public static IResult Render(Language language, string receipt, DateTimeOffset receivedAt)
    {
        var text = PortalText.For(language);
        var body = $"""
            <p>{Encode(text.ReceiptIntro)}</p>
            <p class="receipt" id="receipt">{Encode(receipt)}</p>
            <p class="notice" role="note"><strong>{Encode(text.ReceiptWarning)}</strong></p>
            <p>{Encode(text.ReceiptAdvice)}</p>
            <dl><div><dt>{Encode(text.ReceivedAt)}</dt><dd>{Encode(Hour(receivedAt))}</dd></div></dl>
            <p><a href="/status{language.Query()}">{Encode(text.StatusLink)}</a></p>
            """;
        return PortalPage.Render(language, text.ReceiptHeading, body, StatusCodes.Status201Created, switchPath: null);
    }
}
