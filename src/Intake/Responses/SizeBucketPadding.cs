using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Reporting.Intake.Responses;

/// <summary>
/// Pads every Intake response with trailing spaces (harmless after JSON and HTML) up to the next size bucket, so that
/// a network observer cannot tell from its length whether a report was accepted, refused or a receipt was known.
/// Also names the onion service when one is configured.
/// </summary>
internal sealed class SizeBucketPadding(IOptions<IntakeOptions> options) : IEndpointFilter
{
    private static readonly int[] Buckets = [2 * 1024, 8 * 1024, 32 * 1024, 128 * 1024, 512 * 1024];

    /// <summary>Shared and never written to: padding is copied from it rather than allocated per response.</summary>
    private static readonly byte[] Spaces = CreateSpaces(8 * 1024);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (options.Value.OnionLocation is { } onion)
            context.HttpContext.Response.Headers["Onion-Location"] = new Uri(onion, context.HttpContext.Request.Path.Value).ToString();
        var result = await next(context);
        return new PaddedResult(result);
    }

    public static int BucketFor(long length)
    {
        foreach (var bucket in Buckets)
            if (length <= bucket)
                return bucket;
        const int largest = 512 * 1024;
        return (int)((length + largest - 1) / largest * largest);
    }

    private static byte[] CreateSpaces(int length)
    {
        var spaces = new byte[length];
        spaces.AsSpan().Fill((byte)' ');
        return spaces;
    }

    private sealed class PaddedResult(object? inner) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            var original = response.Body;
            using var buffer = new MemoryStream();
            response.Body = buffer;
            try
            {
                await (inner switch
                {
                    IResult result => result.ExecuteAsync(httpContext),
                    null => Task.CompletedTask,
                    _ => TypedResults.Ok(inner).ExecuteAsync(httpContext),
                });
            }
            finally
            {
                response.Body = original;
            }
            var padded = BucketFor(buffer.Length);
            response.ContentLength = padded;
            await original.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), httpContext.RequestAborted);
            for (var left = padded - buffer.Length; left > 0; left -= Spaces.Length)
                await original.WriteAsync(Spaces.AsMemory(0, (int)Math.Min(left, Spaces.Length)), httpContext.RequestAborted);
        }
    }
}
