using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Staff.Accounts;
using Reporting.Testing;
using Xunit.Abstractions;

namespace Reporting.Host.Tests.HostileInput;

/// <summary>
/// The corpus under <c>HostileInput/corpus</c> (data files; <c>make-corpus.py</c> regenerates them) sent to every
/// route of a host serving every module, as a staff member who holds every role and with a real case to name, so
/// that each request gets as far into its handler as the hostile part lets it. Every answer is checked: no 5xx,
/// no stack trace, no markup of the request echoed unescaped, the security headers present, a problem (API) or a
/// page (workbench, portal, public site) for every refusal by the application, and nothing stored for a refusal.
/// </summary>
[Collection(nameof(HostileInputTests))]
public sealed partial class HostileInputTests(HostileInputTests.EveryRouteHost host, ITestOutputHelper output) : IClassFixture<HostileInputTests.EveryRouteHost>
{
    public sealed class EveryRouteHost : DisclosureHost
    {
        public const string Staff = "supervisor1";

        public Guid CaseId { get; private set; }

        public string Bearer { get; private set; } = "";

        public string WorkbenchCookies { get; private set; } = "";

        public string FormToken { get; private set; } = "";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var administration = Services.GetRequiredService<AccountAdministration>();
            foreach (var role in new[] { "registrar", "investigator", "reviewer", "approver", "publisher", "auditor", "admin" })
                await administration.GrantAsync(Staff, role, "admin1", CancellationToken.None);
            (_, CaseId) = await NewCaseAsync();
            Bearer = await TokenAsync(Staff);
            (WorkbenchCookies, FormToken) = await WorkbenchSession.SignInAsync(BaseAddress.Port, Staff, DevelopmentPassword);
        }
    }

    private static readonly string[] KindNames = ["body", "multipart", "headers", "target"];

    public static TheoryData<string> Kinds() => new(KindNames);

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_route_answers_every_hostile_case_with_a_clear_refusal_and_stores_nothing_for_it(string kind)
    {
        var cases = Corpus.Load(kind);
        var routes = Routes();
        var histogram = new SortedDictionary<int, int>();
        var failures = new List<(string Where, string Case)>();
        var sent = 0;
        var slow = new List<string>();
        foreach (var hostile in cases)
        {
            foreach (var route in routes.Where(route => Applies(hostile, route)))
            {
                var before = await StoredEventsAsync();
                var (target, headers, body) = Build(hostile, route);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var answer = await RawHttp.SendAsync(host.BaseAddress.Port, route.Method, target, headers, body);
                if (clock.Elapsed > TimeSpan.FromSeconds(2))
                    slow.Add($"{hostile.Id} {route.Method} {route.Pattern} {answer.Status} {clock.Elapsed.TotalSeconds:F1} s");
                sent++;
                histogram[answer.Status] = histogram.GetValueOrDefault(answer.Status) + 1;
                var problem = Judge(answer, route);
                if (problem is null && (answer.Status >= 400 || answer.CutShort) && await StoredEventsAsync() != before)
                    problem = "events were stored for a refused request";
                if (problem is not null)
                    failures.Add(($"{route.Method} {route.Pattern}: {answer.Status} {problem}", hostile.Id));
            }
        }

        output.WriteLine($"{cases.Count} {kind} cases, {sent} requests; status codes: {string.Join(", ", histogram.Select(pair => $"{pair.Key}×{pair.Value}"))}");
        output.WriteLine($"{slow.Count} answers took over 2 s{(slow.Count == 0 ? "" : ": " + string.Join("; ", slow.Take(20)))}");
        Assert.True(cases.Count > 0 && sent >= cases.Count, "the corpus reached no route");
        Assert.True(failures.Count == 0, $"{failures.Count} answers failed:\n" + string.Join("\n", failures.GroupBy(failure => failure.Where)
            .Select(group => $"{group.Count()}× {group.Key} ({string.Join(", ", group.Take(6).Select(failure => failure.Case))})")));
    }

    [Fact]
    public void The_corpus_holds_at_least_300_cases_across_every_kind_the_issue_names()
    {
        var all = KindNames.SelectMany(Corpus.Load).ToArray();
        output.WriteLine($"{all.Length} cases: {string.Join(", ", all.GroupBy(c => c.Category).Select(g => $"{g.Key} {g.Count()}"))}");

        Assert.True(all.Length >= 300, $"{all.Length} cases");
        Assert.Equal(all.Length, all.Select(c => c.Id).Distinct().Count());
        Assert.Superset(new HashSet<string> { "truncated-json", "malformed-json", "wrong-type", "huge", "deep", "invalid-utf8", "control-and-bidi", "sql", "markup", "headers", "target", "multipart" },
            all.Select(c => c.Category).ToHashSet());
    }

    private sealed record Route(string Method, string Pattern, string Path);

    /// <summary>Every route the host maps, with its parameters filled from the fixture's real case where one is named.</summary>
    private Route[] Routes()
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new Route(method, endpoint.RoutePattern.RawText ?? "", Fill(endpoint.RoutePattern.RawText ?? ""))))
            .Where(route => !route.Path.StartsWith("/openapi", StringComparison.Ordinal))
            .DistinctBy(route => (route.Method, route.Pattern))
            .OrderBy(route => route.Pattern, StringComparer.Ordinal)
            .ToArray();
    }

    private string Fill(string pattern) => Parameter().Replace(pattern, match => match.Groups["name"].Value switch
    {
        "caseId" => host.CaseId.ToString(),
        "action" => "assign",
        "version" or "size" or "number" => "1",
        "path" => "0/000",
        "username" => EveryRouteHost.Staff,
        "documentName" => "v1",
        _ => Guid.NewGuid().ToString(),
    });

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z]+)[^}]*\}")]
    private static partial Regex Parameter();

    private static bool Applies(Corpus.Case hostile, Route route) => hostile.Kind switch
    {
        // Bodies go to every route that reads one; header and target cases to every route.
        "body" or "multipart" => route.Method is "POST" or "PUT" or "PATCH" or "DELETE",
        "target" when hostile.Segment is not null => route.Pattern.Contains('{', StringComparison.Ordinal),
        _ => true,
    };

    private (string Target, List<string> Headers, byte[] Body) Build(Corpus.Case hostile, Route route)
    {
        var path = route.Path;
        if (hostile.Segment is not null)
            path = Parameter().Replace(route.Pattern, hostile.Segment);
        if (hostile.Query is not null)
            path += "?" + hostile.Query;
        var body = hostile.Body;
        var contentType = hostile.ContentType;
        if (body.Length == 0 && route.Method != "GET" && hostile.Kind is "headers" or "target")
        {
            body = Encoding.UTF8.GetBytes("{}");
            contentType = "application/json";
        }
        // A workbench form carries the session's antiforgery token, so that the hostile part, not its absence, is judged.
        if (route.Path.StartsWith("/staff", StringComparison.Ordinal) && contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true)
            body = [.. body, .. Encoding.ASCII.GetBytes($"&__form={Uri.EscapeDataString(host.FormToken)}")];

        var headers = new List<string> { "Host: localhost", "Connection: close" };
        if (route.Path.StartsWith("/staff", StringComparison.Ordinal))
            headers.Add("Cookie: " + host.WorkbenchCookies);
        else if (route.Path.StartsWith("/api/", StringComparison.Ordinal) && !route.Path.StartsWith("/api/intake", StringComparison.Ordinal))
            headers.Add("Authorization: Bearer " + host.Bearer);
        if (!string.IsNullOrEmpty(contentType))
            headers.Add("Content-Type: " + contentType);
        if (route.Method != "GET" || body.Length > 0)
            headers.Add($"Content-Length: {body.Length}");
        foreach (var replaced in hostile.Replace)
            headers.RemoveAll(line => line.StartsWith(replaced + ":", StringComparison.OrdinalIgnoreCase));
        headers.AddRange(hostile.Lines);
        return (path, headers, body);
    }

    /// <summary>What is wrong with an answer, or null.</summary>
    private static string? Judge(RawHttp.Answer answer, Route route)
    {
        // A client that sends less than it declared and half-closes has gone: Kestrel aborts, with no answer to give.
        if (answer.Status == 0)
            return answer.CutShort ? null : "no HTTP answer";
        if (answer.Status >= 500)
            return "a server error";
        if (StackTrace().IsMatch(answer.Body))
            return "a stack trace in the body";
        if (Echoed().Match(answer.Body) is { Success: true } echoed)
            return $"request markup echoed unescaped: {echoed.Value}";
        // Kestrel's own refusals (a request it cannot parse) come before any middleware: a bare status, no body.
        if (answer.Header("Content-Security-Policy") is null)
            return answer.Status is 400 or 408 or 411 or 413 or 414 or 431 or 505 && answer.Body.Length == 0
                ? null
                : "no security headers on an answer from the application";
        if (answer.Header("X-Content-Type-Options") != "nosniff" || answer.Header("Referrer-Policy") != "no-referrer" || answer.Header("X-Frame-Options") != "DENY")
            return "security headers missing";
        if (answer.All("Set-Cookie").FirstOrDefault(cookie => !cookie.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase)) is { } loose)
            return $"a cookie without SameSite=Strict: {loose.Split(';')[0]}";
        if (answer.Status >= 400)
        {
            var type = answer.Header("Content-Type") ?? "";
            var page = type.StartsWith("text/html", StringComparison.Ordinal);
            var problem = type.StartsWith("application/problem+json", StringComparison.Ordinal);
            if (route.Path.StartsWith("/api/", StringComparison.Ordinal) ? !problem : !(problem || page))
                return $"a refusal as '{type}', neither a problem nor a page";
        }
        return null;
    }

    [GeneratedRegex(@"\bat Reporting\.|\bat Microsoft\.|\bat System\.|Exception:|   at ")]
    private static partial Regex StackTrace();

    [GeneratedRegex(@"<script>alert\(1\)|<img src=x onerror|<svg onload|<iframe src=""//evil|<a href=""javascript:|<meta http-equiv=""refresh""")]
    private static partial Regex Echoed();

    /// <summary>
    /// Events a refusal must not add. Two are written for refusals on purpose and are left out: the audit entry every
    /// staff request on a case leaves with its outcome (who tried what, never the body), and a failed sign-in of a
    /// real account (which counts towards its lock-out).
    /// </summary>
    private async Task<long> StoredEventsAsync()
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypeName != "audit_recorded" && e.EventTypeName != "login_failed")
            .LongCountAsync();
    }
}

[CollectionDefinition(nameof(HostileInputTests), DisableParallelization = true)]
public sealed class HostileInputCollection;
