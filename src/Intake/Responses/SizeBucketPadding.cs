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
            buffer.Position = 0;
            await buffer.CopyToAsync(original, httpContext.RequestAborted);
            var spaces = new byte[padded - buffer.Length];
            spaces.AsSpan().Fill((byte)' ');
            await original.WriteAsync(spaces, httpContext.RequestAborted);
        }
    }
}
