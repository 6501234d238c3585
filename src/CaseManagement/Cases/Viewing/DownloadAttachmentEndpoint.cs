using Reporting.Storage.Hosting;
using Reporting.Cryptography.SecretStreams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Reporting.CaseManagement.Cases.Opening;
using Reporting.CaseManagement.Staff.Authorization;
using Marten;
using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Cases.Viewing;

/// <summary>
/// <c>GET /api/cases/{caseId}/attachments/{attachmentId}</c>: an informant's file as kept after metadata removal,
/// opened for the reader; access and the download are audited by the filter. Always a download, never rendered inline.
/// </summary>
internal static class DownloadAttachmentEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/cases/{caseId}/attachments/{attachmentId}", HandleAsync).WithTags("Cases").RequireCaseAccess(CasePolicies.DownloadAttachment).WithRequestTimeout(RequestTimeoutPolicies.Transfers);
        // The workbench's link: the same guard, audit and bytes, with the session cookie instead of a token.
        endpoints.MapGet("/staff/cases/{caseId}/attachments/{attachmentId}", HandleAsync).ExcludeFromDescription().RequireCaseAccess(CasePolicies.DownloadAttachment).WithRequestTimeout(RequestTimeoutPolicies.Transfers);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HandleAsync(
        Guid caseId, Guid attachmentId, HttpContext http, IDocumentStore store, OfficeEnvelopes envelopes, IConfiguration configuration, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(caseId, token: cancellationToken);
        var state = CaseState.Rebuild(events.Select(e => e.Data));
        var attachment = events.Select(e => e.Data).OfType<AttachmentReceived>().FirstOrDefault(a => a.AttachmentId == attachmentId);
        // A bypassed report's files are as hidden as the report: they went up with it.
        if (attachment is null || state.Bypassed)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No such attachment on this case.");

        var fields = envelopes.Open(attachment.Envelope, caseId, "fileName", "contentType", "streamKey");
        var path = AttachmentFiles.PathOf(configuration[AttachmentFiles.DirectorySetting] ?? AttachmentFiles.DefaultDirectory, attachmentId);
        if (fields?.GetValueOrDefault("streamKey") is not { } streamKey || !File.Exists(path))
            return Unreadable();
        await using var ciphertext = File.OpenRead(path);
        using var plaintext = new MemoryStream();
        var decrypted = SecretStream.TryDecryptAsync(ciphertext, plaintext, streamKey, cancellationToken);
        // The decryptor copied the key before it returned, so ours can be wiped before the file is read.
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(streamKey);
        if (!await decrypted)
            return Unreadable();
        var contentType = fields.GetValueOrDefault("contentType") is { } type ? System.Text.Encoding.UTF8.GetString(type) : "application/octet-stream";
        var fileName = fields.GetValueOrDefault("fileName") is { } name ? System.Text.Encoding.UTF8.GetString(name) : $"{attachmentId:N}";
        // Whatever the file holds, a browser that opens it anyway runs nothing of it and gives it no origin.
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return TypedResults.File(plaintext.ToArray(), contentType, fileName);
    }

    /// <summary>The record and the stored file disagree: an integrity failure to investigate, never a file to serve.</summary>
    private static ProblemHttpResult Unreadable() =>
        TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Attachment unreadable",
            detail: "The stored file is missing or does not match its record; it has not been served.");
}
