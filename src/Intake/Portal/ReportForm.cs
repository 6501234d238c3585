using System.Globalization;
using Reporting.Intake.Reports.Submitting;

namespace Reporting.Intake.Portal;

/// <summary>
/// The plain HTML report form: field names are the contract's paths (<c>accused[0].name</c>, <c>informant.phone</c>),
/// so that validation errors land on the field they concern. It shows one block per accused person, one at first;
/// "add another" and "remove" are submit buttons of their own (<c>action</c>), whose post only draws the form again.
/// </summary>
internal sealed class ReportForm
{
    public const string AddAction = "add-accused";
    public const string RemoveActionPrefix = "remove-accused-";

    private readonly Dictionary<string, string> _values;

    private ReportForm(Dictionary<string, string> values, IReadOnlyList<string> categories, bool realName, int accusedCount)
    {
        _values = values;
        Categories = categories;
        RealName = realName;
        AccusedCount = Math.Clamp(accusedCount, 1, ReportValidator.MaxAccused);
    }

    public IReadOnlyList<string> Categories { get; }

    public bool RealName { get; }

    /// <summary>How many accused blocks the form shows: as many as were shown, and never fewer than the last one filled.</summary>
    public int AccusedCount { get; }

    public static ReportForm Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), [], realName: false, accusedCount: 1);

    /// <summary>The same form with one more empty block, up to the validator's limit.</summary>
    public ReportForm WithAnotherAccused() => new(_values, Categories, RealName, AccusedCount + 1);

    /// <summary>The same form without block <paramref name="row"/>: the blocks after it move up one.</summary>
    public ReportForm WithoutAccused(int row)
    {
        if (row < 0 || row >= AccusedCount || AccusedCount == 1)
            return this;
        var values = new Dictionary<string, string>(_values.Where(pair => !pair.Key.StartsWith("accused[", StringComparison.Ordinal)), StringComparer.Ordinal);
        for (int from = 0, to = 0; from < AccusedCount; from++)
        {
            if (from == row)
                continue;
            foreach (var field in AccusedFields)
                if (_values.TryGetValue($"accused[{from}].{field}", out var value))
                    values[$"accused[{to}].{field}"] = value;
            to++;
        }
        return new ReportForm(values, Categories, RealName, AccusedCount - 1);
    }

    public string Value(string field) => _values.GetValueOrDefault(field, "");

    public static ReportForm From(IFormCollection form)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in form)
            if (key != "categories")
                // Browsers send a textarea's line breaks as CRLF; the report keeps newlines only.
                values[key] = value.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        values.Remove("action");
        values.Remove("formToken");
        var shown = int.TryParse(form["accusedCount"], NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 1;
        var lastFilled = Enumerable.Range(0, ReportValidator.MaxAccused).LastOrDefault(row => AccusedFields.Any(field => values.GetValueOrDefault($"accused[{row}].{field}", "").Length > 0));
        return new ReportForm(values, form["categories"].Where(code => !string.IsNullOrEmpty(code)).Select(code => code!).ToArray(), form["realName"] == "yes", Math.Max(shown, lastFilled + 1));
    }

    /// <summary>The report, or the fields whose text is not a date.</summary>
    public (Report? Report, Dictionary<string, string[]> Errors) ToReport(Language language)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var lastFilledRow = Enumerable.Range(0, AccusedCount).LastOrDefault(row => AccusedFields.Any(field => Value($"accused[{row}].{field}").Length > 0));
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
