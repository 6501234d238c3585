namespace Reporting.Disclosure.Site;

/// <summary>The public site's only stylesheet, from this origin (the CSP allows no inline style and no other origin).</summary>
internal static class Stylesheet
{
    public const string Path = "/disclosure.css";
    /// <summary>Also written by the static export.</summary>
    public static readonly byte[] Css = Load();

    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet(Path, (HttpContext context) =>
    {
        // The same for everyone and changed only by a new release: any cache may keep it for an hour.
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Bytes(Css, "text/css; charset=utf-8");
    }).ExcludeFromDescription();

    private static byte[] Load()
    {
        using var stream = typeof(Stylesheet).Assembly.GetManifestResourceStream("Reporting.Disclosure.Site.disclosure.css")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
