using Reporting.CaseManagement.Cases.Viewing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Reporting.CaseManagement.Staff.Authorization;

namespace Reporting.CaseManagement.Cases.Acting;

/// <summary>
/// <c>POST /api/cases/{caseId}/actions/{action}</c>: the action taken by <see cref="CaseActionTaking"/> (as the
/// workbench's forms take it), its outcome as HTTP. <c>If-Match</c> names the version the caller saw: 412 when the
/// case has moved on since.
/// </summary>
internal static class TakeActionEndpoint
{
    public const int MaximumBodyBytes = 256 * 1024;
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/cases/{caseId}/actions/{action}", HandleAsync).WithTags("Cases").RequireCaseAccess()
            .Accepts<object>("application/json");

    private static async Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid caseId, string action, HttpContext http, CaseActionTaking taking, CancellationToken cancellationToken)
    {
        var caseAction = CaseActions.All.FirstOrDefault(known => known.Name == action);
        if (caseAction is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"There is no case action '{action}'.");
        var (validHeader, expectedVersion) = CaseVersions.FromIfMatch(http.Request.Headers.IfMatch);
        if (!validHeader)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["If-Match"] = ["a case version in quotes, as the ETag gave it: \"7\""] });
        var body = await ReadBodyAsync(http.Request, cancellationToken);
        if (body is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload Too Large", detail: $"An action body is at most {MaximumBodyBytes} bytes.");

        switch (await taking.TakeAsync(caseId, caseAction, body.Value, expectedVersion, CaseActors.Of(http), cancellationToken))
        {
            case ActionOutcome.Taken taken:
                http.Response.Headers.ETag = CaseVersions.ETag(taken.Case.Version);
                return TypedResults.Ok(taken.Case);
            case ActionOutcome.Invalid invalid:
                return TypedResults.ValidationProblem(invalid.Errors, detail: invalid.Detail);
            case ActionOutcome.Refused { Refusal.Kind: RefusalKind.Forbidden } forbidden:
                return StaffProblems.Forbidden(forbidden.Refusal.Message);
            case ActionOutcome.Refused refused:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: refused.Refusal.Message);
            case ActionOutcome.Stale stale:
                return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition Failed", detail: stale.CurrentVersion is { } current
                    ? $"The case is at version {current}, not {expectedVersion}: reload it and decide again."
                    : "The case changed while the action was being decided: reload it and decide again.");
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No such case.");
        }
    }

    /// <summary>The body, or null when it is larger than an action ever needs.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaximumBodyBytes)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaximumBodyBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
