using System.Text.Json;
using FluentValidation.Results;

namespace Reporting.Intake.Reports.Submitting;

/// <summary>Validation failures keyed by the contract's field paths, e.g. <c>report.accused[0].name</c>.</summary>
public static class ValidationErrors
{
    public static Dictionary<string, string[]> ByField(IEnumerable<ValidationFailure> failures, string prefix) =>
        failures.GroupBy(failure => FieldPath(prefix, failure.PropertyName), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    /// <summary>"$.report.occurredFrom" from the JSON reader becomes "report.occurredFrom"; no value is quoted back.</summary>
    public static Dictionary<string, string[]> FromJson(JsonException exception) =>
        new(StringComparer.Ordinal) { [exception.Path is { Length: > 2 } path ? path[2..] : "body"] = ["not valid JSON or of the wrong type"] };

    private static string FieldPath(string prefix, string propertyName)
    {
        var segments = propertyName.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]);
        var path = string.Join('.', segments);
        return path.Length == 0 ? prefix : $"{prefix}.{path}";
    }
}
