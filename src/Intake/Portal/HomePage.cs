using System.Text;
using static Reporting.Intake.Portal.PortalPage;

namespace Reporting.Intake.Portal;

/// <summary>The portal's front page: what it is for, how to stay safe, and the two things one can do.</summary>
internal static class HomePage
{
    public static IResult Render(Language language)
    {
        var text = PortalText.For(language);
        var body = new StringBuilder();
        body.Append($"""<p>{Encode(text.HomeIntro)}</p>""");
        body.Append($"""<nav class="actions" aria-label="{Encode(text.SiteName)}"><a href="/report{language.Query()}">{Encode(text.SubmitLink)}</a><a href="/status{language.Query()}">{Encode(text.StatusLink)}</a></nav>""");
        body.Append(SafetyAdvice(text));
        return PortalPage.Render(language, text.SiteName, body.ToString());
    }

    public static string SafetyAdvice(PortalText text) =>
        $"""<section aria-labelledby="safety"><h2 id="safety">{Encode(text.SafetyHeading)}</h2><ul>{string.Concat(text.SafetyAdvice.Select(advice => $"<li>{Encode(advice)}</li>"))}</ul></section>""";
}
