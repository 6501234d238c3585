using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Reporting.Disclosure.Notices;

internal static class NoticeProblems
{
    public static IResult Of(NoticeRefusal refusal) => refusal.Kind switch
    {
        NoticeRefusalKind.Invalid => TypedResults.ValidationProblem(
            refusal.Errors ?? new Dictionary<string, string[]> { ["body"] = [refusal.Message] }, detail: refusal.Message),
        NoticeRefusalKind.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: refusal.Message),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: refusal.Message),
    };

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: detail);

    public static ValidationProblem Invalid(FluentValidation.Results.ValidationResult result) => TypedResults.ValidationProblem(ErrorsOf(result));

    /// <summary>The failures by the body's JSON path, as the API reports them and the workbench's forms name their fields.</summary>
    public static Dictionary<string, string[]> ErrorsOf(FluentValidation.Results.ValidationResult result) =>
        result.Errors.GroupBy(error => Camel(error.PropertyName)).ToDictionary(group => group.Key, group => group.Select(error => error.ErrorMessage).ToArray());

    /// <summary>An outcome of <see cref="NoticeActing"/> as the API answers it.</summary>
    public static IResult Of(NoticeOutcome outcome) => outcome switch
    {
        NoticeOutcome.Drafted drafted => TypedResults.Created($"/api/notices/{drafted.NoticeId}/staff", new { noticeId = drafted.NoticeId }),
        NoticeOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
        NoticeOutcome.Refused refused => Of(refused.Refusal),
        NoticeOutcome.Forbidden forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: forbidden.Detail),
        NoticeOutcome.NotFound notFound => NotFound(notFound.Detail),
        NoticeOutcome.Stale stale => TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition Failed", detail: stale.Detail),
        _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"a JSON object of at most {NoticeActing.MaximumBodyBytes} bytes, as the API description shows"] }),
    };

    /// <summary>FluentValidation names paths in C# casing (Subject.Name, Violations[0].Finding); the contract's JSON is camelCase.</summary>
    private static string Camel(string path) =>
        string.Join('.', path.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
