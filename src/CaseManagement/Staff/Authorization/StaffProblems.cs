using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Reporting.CaseManagement.Staff.Authorization;

/// <summary>The problem responses of staff access, so that every refusal reads the same.</summary>
public static class StaffProblems
{
    public static ProblemHttpResult Forbidden(string reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: reason);

    /// <summary>One answer for every failed login, whatever the cause, so that nothing is learnt from it.</summary>
    public static ProblemHttpResult LoginFailed() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: "The username, password or code is not valid, or the account must wait before trying again.");
}
