using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Staff.Authorization;
using Reporting.Testing;

namespace Reporting.Staff.Tests.Hosting;

/// <summary>
/// The real host in Development (so with the seeded users), its own office key file, and two probe endpoints guarded
/// by the real case access filter: they stand where the case endpoints stand, with case facts the test sets.
/// </summary>
public class StaffHost : ReportingHost
{
    public const string DevelopmentPassword = "dev-password-change-me";
    public const string ProbeContent = "举报内容：某局长在工程招标中收受贿赂";

    public TestCaseFacts CaseFacts { get; } = new();

    public string KeyFolder { get; } = TestCluster.NewFolder();

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Keys:File"] = Path.Combine(KeyFolder, "office-keys.json");
        settings["Authentication:Issuer"] = "https://reporting.test";
        settings["Authentication:Audience"] = "reporting-staff-test";
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<ICaseAccessFacts>(CaseFacts);

    protected override void MapEndpoints(WebApplication app)
    {
        app.MapGet("/probe/cases/{caseId}", (Guid caseId) => TypedResults.Ok(new { caseId, report = ProbeContent }))
            .RequireCaseAccess(CasePolicies.Read);
        app.MapGet("/probe/cases/{caseId}/attachments/{attachmentId}", (Guid caseId, Guid attachmentId) => TypedResults.Ok(new { caseId, attachmentId }))
            .RequireCaseAccess(CasePolicies.DownloadAttachment);
        app.MapPost("/probe/cases/{caseId}/actions/{action}", (Guid caseId, string action) => TypedResults.Ok(new { caseId, action }))
            .RequireCaseAccess();
    }

    private readonly ConcurrentDictionary<string, Task<string>> _seededTokens = new();

    /// <summary>One token per seeded user for the whole fixture: logins are deliberately slow.</summary>
    public Task<string> SeededTokenAsync(string username) => _seededTokens.GetOrAdd(username, name => TokenAsync(name));

    public async Task<string> TokenAsync(string username, string password = DevelopmentPassword, string? totp = null)
    {
        var response = await Client.PostAsJsonAsync("/api/auth/token", new { username, password, totp });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.AccessToken;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        return await Client.SendAsync(request);
    }

    private sealed record TokenBody(string AccessToken, string TokenType, int ExpiresIn);
}
