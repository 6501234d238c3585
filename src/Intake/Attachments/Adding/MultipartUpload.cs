using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Reporting.Intake.Attachments.Adding;

/// <summary>
/// Reads a multipart upload section by section into memory, never into ASP.NET's temporary files (a plaintext file
/// on disk would outlive the request), refusing a file past the limit as soon as it grows past it.
/// </summary>
internal static class MultipartUpload
{
    public static async Task<Upload> ReadAsync(HttpRequest request, long maxFileBytes, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return new Upload(fields, null, null, TooLarge: false);
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
            return new Upload(fields, null, null, TooLarge: false);
        var reader = new MultipartReader(boundary, request.Body);
        string? fileName = null;
        byte[]? file = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || disposition.Name.Value is not { } name)
                    continue;
                if (disposition.FileName.HasValue || disposition.FileNameStar.HasValue)
                {
                    if (name != "file" || file is not null)
                        continue;
                    fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "");
                    file = await ReadBoundedAsync(section.Body, maxFileBytes, cancellationToken);
                    if (file is null)
                        return new Upload(fields, fileName, null, TooLarge: true);
                }
                else if (fields.Count < 8)
                {
                    using var text = new StreamReader(section.Body);
                    var value = await ReadBoundedTextAsync(text, 4096, cancellationToken);
                    fields[name] = value;
                }
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException && exception is not BadHttpRequestException)
        {
            // Cut short, or section headers past the reader's 16 KiB: no part of it is trusted, so none is kept, and
            // the caller refuses it as an upload without a receipt or a file. (BadHttpRequestException, an IOException
            // too, goes on to the exception handler for its own 408 or 413.)
            if (file is not null)
                Array.Clear(file);
            return new Upload(new Dictionary<string, string>(), null, null, TooLarge: false);
        }
        return new Upload(fields, fileName, file, TooLarge: false);
    }

    private static async Task<byte[]?> ReadBoundedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                Array.Clear(buffer.GetBuffer());
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static async Task<string> ReadBoundedTextAsync(StreamReader reader, int limit, CancellationToken cancellationToken)
    {
        var characters = new char[limit];
        var length = await reader.ReadBlockAsync(characters.AsMemory(), cancellationToken);
        return new string(characters, 0, length);
    }
}

internal sealed record Upload(IReadOnlyDictionary<string, string> Fields, string? FileName, byte[]? File, bool TooLarge);
