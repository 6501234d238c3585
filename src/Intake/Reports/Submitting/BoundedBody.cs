using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Reporting.Intake.Reports.Submitting;

/// <summary>
/// Reads a request body into memory, refusing at once what is declared or turns out larger than the limit. The body
/// is plaintext of a report or a message: it is read straight into one array the caller zeroes, and any larger
/// buffer it passed through on the way is zeroed here, so that no copy is left behind for the collector.
/// </summary>
internal static class BoundedBody
{
    /// <summary>
    /// The body read as above and parsed as JSON, or why there is no value: larger than the limit (413), or not JSON
    /// of the expected shape (400, by field path). The raw bytes are zeroed either way; they may hold a receipt.
    /// </summary>
    public static async Task<JsonBody<T>> ReadJsonAsync<T>(HttpRequest request, int limit, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        var bytes = await ReadAsync(request, limit, cancellationToken);
        if (bytes is null)
            return new(default, TooLarge: true, null);
        try
        {
            return new(JsonSerializer.Deserialize<T>(bytes, options), TooLarge: false, null);
        }
        catch (JsonException exception)
        {
            return new(default, TooLarge: false, ValidationErrors.FromJson(exception));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
            return null;
        var buffer = new byte[request.ContentLength is { } declared ? (int)declared : Math.Min(limit, 16 * 1024)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                // A declared length was a promise: one byte more than promised is an error, not a reason to grow.
                if (request.ContentLength is not null || length == limit)
                    return await ExtraByteAsync(request, cancellationToken) ? Discard(buffer) : buffer;
                buffer = Grown(buffer, Math.Min(limit, buffer.Length * 2));
            }
            var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
                break;
            length += read;
        }
        if (length == buffer.Length)
            return buffer;
        var exact = buffer[..length];
        CryptographicOperations.ZeroMemory(buffer);
        return exact;
    }

    private static async Task<bool> ExtraByteAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var probe = new byte[1];
        return await request.Body.ReadAsync(probe, cancellationToken) > 0;
    }

    private static byte[]? Discard(byte[] buffer)
    {
        CryptographicOperations.ZeroMemory(buffer);
        return null;
    }

    private static byte[] Grown(byte[] buffer, int size)
    {
        var grown = new byte[size];
        buffer.CopyTo(grown, 0);
        CryptographicOperations.ZeroMemory(buffer);
        return grown;
    }
}

/// <summary>A JSON body: its value, or that it was too large, or the problems with it by field path.</summary>
internal readonly record struct JsonBody<T>(T? Value, bool TooLarge, Dictionary<string, string[]>? Errors);
