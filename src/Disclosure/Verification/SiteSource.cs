namespace Reporting.Disclosure.Verification;

/// <summary>Where a published site is read from: an exported folder or a running host, by the same relative paths.</summary>
public abstract class SiteSource
{
    /// <summary>The file's bytes, or null when the site does not serve it.</summary>
    public abstract Task<byte[]?> GetAsync(string path, CancellationToken cancellationToken);

    public static SiteSource From(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? new HttpSiteSource(uri)
            : new FolderSiteSource(Path.GetFullPath(location));

    private sealed class FolderSiteSource(string root) : SiteSource
    {
        public override async Task<byte[]?> GetAsync(string path, CancellationToken cancellationToken)
        {
            var full = Path.GetFullPath(Path.Combine(root, path));
            if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
                return null;
            return await File.ReadAllBytesAsync(full, cancellationToken);
        }
    }

    private sealed class HttpSiteSource(Uri baseUri) : SiteSource
    {
        private readonly HttpClient _client = new() { BaseAddress = new Uri(baseUri.ToString().TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };

        public override async Task<byte[]?> GetAsync(string path, CancellationToken cancellationToken)
        {
            using var response = await _client.GetAsync(path, cancellationToken);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
                return null;
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
    }
}
