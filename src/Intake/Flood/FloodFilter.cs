using Microsoft.AspNetCore.Http;

namespace Reporting.Intake.Flood;

/// <summary>Every state-changing Intake route takes a token from the global bucket first, or answers 429.</summary>
internal sealed class FloodFilter(GlobalTokenBucket bucket) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (bucket.TryTake())
            return await next(context);
        context.HttpContext.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(
            title: "Too many reports are arriving at once; try again in a moment.",
            statusCode: StatusCodes.Status429TooManyRequests);
    }
}
