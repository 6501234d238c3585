using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Reporting.CaseManagement.Cases.Assigning;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.MarkingDuplicate;
using Reporting.CaseManagement.Cases.Opening;
using Reporting.CaseManagement.Cases.Registering;
using Reporting.CaseManagement.Cases.Viewing;
using Reporting.CaseManagement.Staff.Accounts;
using Reporting.CaseManagement.Staff.Audit;
using Reporting.CaseManagement.Staff.Authorization;
using Marten;
using JasperFx;
using JasperFx.Events;
using Marten.Exceptions;
using Reporting.Storage.Conflicts;

namespace Reporting.CaseManagement.Cases.Acting;

/// <summary>
/// <c>POST /api/cases/{caseId}/actions/{action}</c>: decides the action on the case as it stands and appends what was
/// decided, checked against the version it was decided on. <c>If-Match</c> names the version the caller saw: 412 when
/// the case has moved on since. Without it, a race with another writer is decided again on the newer case. A
/// registration that loses the race for a case number to another registration draws the next number and tries again.
/// </summary>
internal static class TakeActionEndpoint
{
    public const int MaximumBodyBytes = 256 * 1024;
    private const int Attempts = 3;

    /// <summary>Registrations racing for case numbers each lose at most once per other registration of the moment.</summary>
    private const int NumberAttempts = 32;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/cases/{caseId}/actions/{action}", HandleAsync).WithTags("Cases").RequireCaseAccess()
            .Accepts<object>("application/json");

    private static async Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid caseId, string action, HttpContext http, IDocumentStore store, WorkingCalendar calendar, OfficeEnvelopes envelopes,
        IAuditTrail audit, IStaffAccounts accounts, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
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

        var actor = CaseActors.Of(http);
        for (var (attempt, numberAttempt) = (1, 1); ; )
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<CaseState>(caseId, cancellationToken);
            if (stream.Aggregate is not { } state)
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No such case.");
            if (expectedVersion is { } expected && expected != state.Version)
                return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition Failed",
                    detail: $"The case is at version {state.Version}, not {expected}: reload it and decide again.");

            var (command, errors) = ActionBodies.Bind(caseAction, body.Value, state);
            if (errors is not null)
                return TypedResults.ValidationProblem(errors);
            // Facts from beyond the case (another case, the staff accounts, the year's case numbers) are looked up only
            // once the action is otherwise allowed, so that a refusal for role or stage reads as it always does.
            var allowed = caseAction.Guard(state, actor) is null;
            if (command is MarkDuplicate duplicate && allowed
                && duplicate.OfCaseId != Guid.Empty && duplicate.OfCaseId != caseId
                && !await MarkDuplicateDecider.OriginalExistsAsync(session, duplicate, cancellationToken))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ofCaseId"] = ["There is no case with this id."] });
            if (command is Assign assign && allowed
                && await AssignDecider.UnfitAssigneesAsync(accounts, assign, cancellationToken) is { } unfit)
                return TypedResults.ValidationProblem(unfit);
            var now = time.GetUtcNow();
            var number = command is RegisterCase && allowed
                ? await CaseNumbers.NextAsync(session, now, cancellationToken)
                : null;
            if (number is not null)
                command = (RegisterCase)command! with { Number = number.Number };
            IReadOnlyList<object> decided;
            try
            {
                decided = caseAction.Decide(state, command!, actor, now, calendar);
            }
            catch (CaseActionRefusedException refused)
            {
                return Refused(refused.Refusal);
            }
            stream.AppendMany([.. decided]);
            if (number is not null)
                session.Events.Append(number.Stream, number.Version, new CaseNumberIssued(caseId, number.Number, now));
            try
            {
                await session.SaveChangesAsync(cancellationToken);
            }
            catch (Exception conflict) when (WriteRaces.Lost(conflict))
            {
                // Marten names the first stream of the unit of work whichever one lost, so the case's own version tells
                // whether the case moved on or only the year's counter did.
                if (number is not null && numberAttempt < NumberAttempts && !await CaseMovedAsync(store, caseId, stream.StartingVersion ?? 0, cancellationToken))
                {
                    numberAttempt++;
                    continue;
                }
                if (expectedVersion is null && attempt < Attempts)
                {
                    attempt++;
                    continue;
                }
                return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition Failed",
                    detail: "The case changed while the action was being decided: reload it and decide again.");
            }
            loggers.CreateLogger(typeof(TakeActionEndpoint).FullName!).LogInformation(
                "Case {CaseId}: {Action} by {Username} appended {Count} events", caseId, action, actor.Username, decided.Count);
            var detail = (await GetCaseEndpoint.LoadAsync(store, caseId, actor, now, envelopes, audit, cancellationToken))!;
            http.Response.Headers.ETag = CaseVersions.ETag(detail.Version);
            return TypedResults.Ok(detail);
        }
    }

    private static async Task<bool> CaseMovedAsync(IDocumentStore store, Guid caseId, long decidedOn, CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        return (await query.Events.FetchStreamStateAsync(caseId, cancellationToken))?.Version != decidedOn;
    }

    private static Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult> Refused(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.Invalid => TypedResults.ValidationProblem(
            refusal.Errors ?? new Dictionary<string, string[]> { ["body"] = [refusal.Message] }, detail: refusal.Message),
        RefusalKind.Forbidden => StaffProblems.Forbidden(refusal.Message),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: refusal.Message),
    };

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
