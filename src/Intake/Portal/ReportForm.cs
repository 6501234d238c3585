using System.Globalization;
using Reporting.Intake.Reports.Submitting;

namespace Reporting.Intake.Portal;

/// <summary>
/// The plain HTML report form: field names are the contract's paths (<c>accused[0].name</c>, <c>informant.phone</c>),
/// so that validation errors land on the field they concern.
/// </summary>
internal sealed class ReportForm
{
    public const int AccusedRows = 3;

    private readonly Dictionary<string, string> _values;

    private ReportForm(Dictionary<string, string> values, IReadOnlyList<string> categories, bool realName)
    {
        _values = values;
        Categories = categories;
        RealName = realName;
    }

    public IReadOnlyList<string> Categories { get; }

    public bool RealName { get; }

    public static ReportForm Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), [], realName: false);

    public string Value(string field) => _values.GetValueOrDefault(field, "");

    public static ReportForm From(IFormCollection form)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in form)
            if (key != "categories")
                // Browsers send a textarea's line breaks as CRLF; the report keeps newlines only.
                values[key] = value.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return new ReportForm(values, form["categories"].Where(code => !string.IsNullOrEmpty(code)).Select(code => code!).ToArray(), form["realName"] == "yes");
    }

    /// <summary>The report, or the fields whose text is not a date.</summary>
    public (Report? Report, Dictionary<string, string[]> Errors) ToReport(Language language)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var lastFilledRow = Enumerable.Range(0, AccusedRows).LastOrDefault(row => AccusedFields.Any(field => Value($"accused[{row}].{field}").Length > 0));
        var accused = Enumerable.Range(0, lastFilledRow + 1)
            .Select(row => new AccusedPerson(
                Optional($"accused[{row}].name"),
                Optional($"accused[{row}].position"),
                Optional($"accused[{row}].organization"),
                Optional($"accused[{row}].rank"),
                Optional($"accused[{row}].region")))
            .ToArray();
        var informant = RealName
            ? new RealNameInformant(Optional("informant.name"), Optional("informant.phone"), Optional("informant.email"), Optional("informant.idNumber"), Optional("informant.address"))
            : null;
        var report = new Report(
            accused,
            Categories,
            Value("title"),
            Value("details"),
            Date("occurredFrom", errors),
            Date("occurredTo", errors),
            Optional("location"),
            informant,
            language.Code());
        return (errors.Count == 0 ? report : null, errors);
    }

    public static readonly string[] AccusedFields = ["name", "position", "organization", "rank", "region"];

    private string? Optional(string field) => Value(field) is { Length: > 0 } value ? value : null;

    private DateOnly? Date(string field, Dictionary<string, string[]> errors)
    {
        var text = Value(field);
        if (text.Length == 0)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        errors[$"report.{field}"] = ["not a date"];
        return null;
    }
}
