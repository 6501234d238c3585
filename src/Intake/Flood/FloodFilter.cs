using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Reporting.Intake.Flood;

/// <summary>
/// The state-changing Intake routes take a token from the global bucket first, or answer 429. Not the report route,
/// which takes its token once its proof of work is checked, nor challenges, which cost one HMAC and store nothing:
/// a flood of either would otherwise spend the budget real informants share without paying anything for it.
/// </summary>
internal sealed class FloodFilter(GlobalTokenBucket bucket) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (bucket.TryTake())
            return await next(context);
        return Refusal(context.HttpContext);
    }

    /// <summary>The 429 every route of the budget answers when it is spent.</summary>
    public static ProblemHttpResult Refusal(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(
            title: "Too many reports are arriving at once; try again in a moment.",
            statusCode: StatusCodes.Status429TooManyRequests);
    }
}
