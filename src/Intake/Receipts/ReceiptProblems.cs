namespace Reporting.Intake.Receipts;

/// <summary>
/// How the API answers about a receipt it cannot use. A receipt that is not 20 Crockford characters, or whose check
/// character does not match, is refused before any lookup (the check is public arithmetic, so saying so tells nothing);
/// every well-formed receipt that leads nowhere gets the same 404.
/// </summary>
internal static class ReceiptProblems
{
    public static IResult Invalid(ReceiptProblem problem) => TypedResults.ValidationProblem(new Dictionary<string, string[]>
    {
        ["receipt"] = [problem == ReceiptProblem.Mistyped ? "one character is mistyped" : "not a receipt code"],
    });

    public static IResult Unknown() => TypedResults.Problem(title: "No report matches this receipt.", statusCode: StatusCodes.Status404NotFound);

    public static IResult Unavailable() => TypedResults.Problem(title: "This cannot be done at the moment.", statusCode: StatusCodes.Status503ServiceUnavailable);
}
