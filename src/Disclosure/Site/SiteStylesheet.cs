namespace Reporting.Disclosure.Site;

/// <summary>The public site's only stylesheet, from this origin (the CSP allows no inline style and no other origin).</summary>
internal static class SiteStylesheet
{
    public static readonly byte[] Css = Load();

    private static byte[] Load()
    {
        using var stream = typeof(SiteStylesheet).Assembly.GetManifestResourceStream("Reporting.Disclosure.Site.disclosure.css")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
