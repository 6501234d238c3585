using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Reporting.CaseManagement.Contracts;
using Reporting.Disclosure.Site;

namespace Reporting.Disclosure.Statistics;

/// <summary>
/// <c>GET /api/statistics?period=</c> (JSON) and <c>GET /statistics</c> (HTML): the public statistics of ended periods,
/// anonymous, the same for every reader. Each answer carries a strong ETag, the hash of its body, and may be cached
/// by anyone for five minutes; a period still running or not yet counted is refused, and that refusal is never cached.
/// </summary>
internal static class StatisticsEndpoints
{
    private const string CachePolicy = "public, max-age=300";

    public static void Add(IServiceCollection services) => services.AddSingleton<StatisticsPublication>();

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // The counters come from the case module; a host that runs Disclosure without it has no statistics to serve.
        if (endpoints.ServiceProvider.GetService<IMonthlyCaseCounts>() is null)
            return;
        endpoints.MapGet("/api/statistics", ApiAsync).WithTags("Disclosure").AllowAnonymous()
            .WithSummary("Aggregate counts of an ended month, quarter or year; every figure under 5 shown as \"<5\", and \"—\" where a figure is withheld so that none under 5 can be worked out.")
            .Produces<StatisticsJson.Response>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        endpoints.MapGet("/statistics", PageAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> ApiAsync(string? period, HttpContext context, StatisticsPublication publication, CancellationToken cancellationToken)
    {
        var asked = period is null ? publication.LatestEndedMonth() : StatisticsPeriod.Parse(period);
        if (asked is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = [StatisticsPeriod.Expected] });
        return await publication.ForAsync(asked, cancellationToken) switch
        {
            Publication.Ready ready => Cacheable(context, StatisticsJson.Serialize(ready.Table), "application/json; charset=utf-8"),
            Publication.NotEnded notEnded => TypedResults.Problem(
                title: "The period has not ended.",
                detail: $"{asked.Key} is published once it has ended, from {notEnded.EndsAt:yyyy-MM-dd HH:mm} China time (UTC+8). A period still running is never published: its figures could be subtracted from the final ones.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["period"] = asked.Key, ["publishedFrom"] = notEnded.EndsAt.ToUniversalTime() }),
            _ => StillCounting(context, TypedResults.Problem(
                title: "The period is still being counted.",
                detail: $"{asked.Key} has only just ended and its last events are still being counted; try again shortly.",
                statusCode: StatusCodes.Status503ServiceUnavailable)),
        };
    }

    private static async Task<IResult> PageAsync(HttpContext context, StatisticsPublication publication, CancellationToken cancellationToken)
    {
        var language = Languages.From(context.Request.Query);
        var text = StatisticsText.For(language);
        string? typed = context.Request.Query["period"];
        var asked = string.IsNullOrWhiteSpace(typed) ? publication.LatestEndedMonth() : StatisticsPeriod.Parse(typed.Trim());
        if (asked is null)
            return Html(StatisticsPage.Refusal(language, typed, text.BadPeriod, null, publication.HasEnded), StatusCodes.Status400BadRequest);
        return await publication.ForAsync(asked, cancellationToken) switch
        {
            Publication.Ready ready => Cacheable(context, Encoding.UTF8.GetBytes(StatisticsPage.Table(language, ready.Table, publication.HasEnded)), "text/html; charset=utf-8"),
            Publication.NotEnded notEnded => Html(StatisticsPage.Refusal(language, asked.Key,
                text.NotEnded(notEnded.EndsAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm 'UTC+8'", System.Globalization.CultureInfo.InvariantCulture)), asked, publication.HasEnded),
                StatusCodes.Status409Conflict),
            _ => StillCounting(context, Html(StatisticsPage.Refusal(language, asked.Key, text.StillCounting, asked, publication.HasEnded), StatusCodes.Status503ServiceUnavailable)),
        };
    }

    /// <summary>The body with its strong ETag and the public cache policy, or 304 when the reader already holds it.</summary>
    private static IResult Cacheable(HttpContext context, byte[] body, string contentType)
    {
        var etag = new EntityTagHeaderValue($"\"{Convert.ToBase64String(SHA256.HashData(body)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}\"");
        context.Response.GetTypedHeaders().ETag = etag;
        context.Response.Headers.CacheControl = CachePolicy;
        var held = context.Request.GetTypedHeaders().IfNoneMatch;
        if (held.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(body, contentType);
    }

    private static IResult StillCounting(HttpContext context, IResult refusal)
    {
        context.Response.Headers.RetryAfter = "60";
        return refusal;
    }

    private static IResult Html(string html, int statusCode) => TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
}
