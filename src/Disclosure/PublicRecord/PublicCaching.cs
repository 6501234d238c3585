using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Reporting.Disclosure.PublicRecord;

/// <summary>
/// Public answers are the same for every reader, so they carry a strong ETag (SHA-256 of the bytes) and a public
/// Cache-Control; a conditional request that still matches gets 304 without the body.
/// </summary>
internal static class PublicCaching
{
    // Served as application/json with nosniff, never inside HTML: vkeys and base64 read as they are written ("+", not "\u002B").
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Json(HttpContext http, object value, TimeSpan maxAge, bool immutable = false) =>
        Bytes(http, JsonSerializer.SerializeToUtf8Bytes(value, JsonOptions), "application/json; charset=utf-8", maxAge, immutable);

    /// <summary>The strong ETag of a body: a cache of pages computes it once, not per request.</summary>
    public static string ETagOf(byte[] bytes) => "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16)) + "\"";

    public static IResult Bytes(HttpContext http, byte[] bytes, string contentType, TimeSpan maxAge, bool immutable = false, string? etag = null)
    {
        etag ??= ETagOf(bytes);
        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = $"public, max-age={(long)maxAge.TotalSeconds}{(immutable ? ", immutable" : "")}";
        if (http.Request.Headers.IfNoneMatch.Count > 0 && http.Request.Headers.IfNoneMatch.Any(value => value is not null && value.Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "*")))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(bytes, contentType);
    }
}
