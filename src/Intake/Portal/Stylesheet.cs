namespace Reporting.Intake.Portal;

/// <summary>The portal's only stylesheet, from this origin (the CSP allows no inline style and no other origin).</summary>
internal static class Stylesheet
{
    private static readonly byte[] Css = Load();

    public static IResult Serve() => TypedResults.Bytes(Css, "text/css; charset=utf-8");

    private static byte[] Load()
    {
        using var stream = typeof(Stylesheet).Assembly.GetManifestResourceStream("Reporting.Intake.Portal.intake.css")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
