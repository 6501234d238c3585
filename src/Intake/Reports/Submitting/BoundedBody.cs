using Microsoft.AspNetCore.Http;

namespace Reporting.Intake.Reports.Submitting;

/// <summary>Reads a request body into memory, refusing at once what is declared or turns out larger than the limit.</summary>
internal static class BoundedBody
{
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
            return null;
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
