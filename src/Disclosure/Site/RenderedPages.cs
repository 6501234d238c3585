using System.Collections.Concurrent;
using Reporting.Disclosure.Log;

namespace Reporting.Disclosure.Site;

/// <summary>
/// Public pages as rendered, kept until the log grows: every change the public can see is a publication, and every
/// publication appends to the log, so the log's size is the public site's version. A busy site renders each page once
/// per publication instead of once per reader.
/// </summary>
internal sealed class RenderedPages(LogView log)
{
    private const int MostPages = 5000;

    private readonly ConcurrentDictionary<string, (long LogSize, RenderedPage Page)> _pages = new(StringComparer.Ordinal);

    public async Task<RenderedPage?> GetAsync(string key, Func<Task<string?>> render, CancellationToken cancellationToken)
    {
        var size = (await log.CurrentAsync(cancellationToken)).Size;
        if (_pages.TryGetValue(key, out var kept) && kept.LogSize == size)
            return kept.Page;
        if (await render() is not { } html)
            return null;
        if (_pages.Count >= MostPages)
            _pages.Clear();
        var bytes = System.Text.Encoding.UTF8.GetBytes(html);
        var page = new RenderedPage(bytes, PublicRecord.PublicCaching.ETagOf(bytes));
        _pages[key] = (size, page);
        return page;
    }
}

internal sealed record RenderedPage(byte[] Bytes, string ETag);
