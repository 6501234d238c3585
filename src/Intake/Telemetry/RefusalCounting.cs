using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Reporting.Intake.Telemetry;

/// <summary>Counts every Intake answer of 400 or above, by the route's pattern (never its path) and the status's reason.</summary>
internal sealed class RefusalCounting(IntakeMetrics metrics) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var answered = result is INestedHttpResult nested ? nested.Result : result;
        var status = (answered as IStatusCodeHttpResult)?.StatusCode ?? context.HttpContext.Response.StatusCode;
        if (status >= 400)
            metrics.Refused((context.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "", status);
        return result;
    }
}
