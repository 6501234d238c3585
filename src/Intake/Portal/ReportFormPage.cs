using Reporting.Intake.Contracts;
using System.Text;
using Reporting.Intake.Reports.Submitting;
using static Reporting.Intake.Portal.PortalPage;

namespace Reporting.Intake.Portal;

/// <summary>The report form, blank or filled in again with the problems found, each next to its field.</summary>
internal static class ReportFormPage
{
    /// <param name="redrawn">After "add another" or "remove": the notice is a polite status, not an alert, and focus goes to <paramref name="focusRow"/>'s name if given.</param>
    public static IResult Render(Language language, string formToken, ReportForm form, IReadOnlyDictionary<string, string[]> errors, string? notice = null, int statusCode = StatusCodes.Status200OK, bool redrawn = false, int? focusRow = null)
    {
        var text = PortalText.For(language);
        var body = new StringBuilder();
        if (notice is not null)
            body.Append(Notice(notice, redrawn ? "status" : "alert"));
        if (errors.Count > 0)
        {
            body.Append($"""<div class="errors" role="alert"><p>{Encode(text.ErrorSummary)}</p><ul>""");
            foreach (var (field, messages) in errors)
                body.Append($"""<li><a href="#{Id(System.Text.RegularExpressions.Regex.Replace(field, @"^(report\.categories)\[[0-9]+\]$", "$1"))}">{Encode(LabelOf(text, field))}: {Encode(string.Join("; ", messages.Select(text.Error)))}</a></li>""");
            body.Append("</ul></div>");
        }
        body.Append($"""<p>{Encode(text.ReportIntro)}</p>""");
        body.Append($"""<form method="post" action="/report{language.Query()}" accept-charset="utf-8" novalidate>{TokenField(formToken)}""");
        // Pressing Enter in a field posts with the form's first submit button: this one, never shown, so Enter submits the report.
        body.Append("""<button type="submit" hidden tabindex="-1" aria-hidden="true"></button>""");
        body.Append($"""<input type="hidden" name="accusedCount" value="{form.AccusedCount}">""");

        body.Append($"""<h2 id="{Id("report.accused")}">{Encode(text.AccusedHeading)}</h2>{FieldError(text, errors.Where(error => error.Key == "report.accused").ToDictionary(), "report.accused")}<p class="hint">{Encode(text.AccusedHint)}</p>""");
        for (var row = 0; row < form.AccusedCount; row++)
        {
            body.Append($"""<fieldset id="accused-{row}"><legend>{Encode(text.AccusedPerson)} {row + 1}</legend>""");
            body.Append(Input(text, form, errors, $"accused[{row}].name", text.Name, required: row == 0, maxLength: ReportValidator.MaxAccusedName, autofocus: row == focusRow));
            body.Append(Input(text, form, errors, $"accused[{row}].position", text.Position + text.Optional));
            body.Append(Input(text, form, errors, $"accused[{row}].organization", text.Organization + text.Optional));
            body.Append(Input(text, form, errors, $"accused[{row}].rank", text.Rank + text.Optional));
            body.Append(Input(text, form, errors, $"accused[{row}].region", text.Region + text.Optional));
            if (form.AccusedCount > 1)
                body.Append($"""<button type="submit" class="secondary" name="action" value="{ReportForm.RemoveActionPrefix}{row}" formaction="/report{language.Query()}#{Id("report.accused")}" aria-label="{Encode($"{text.RemoveAccused} {text.AccusedPerson} {row + 1}")}">{Encode(text.RemoveAccused)}</button>""");
            body.Append("</fieldset>");
        }
        // No fragment on "add": a page opened at a fragment ignores autofocus, and the new block's name field has it.
        if (form.AccusedCount < ReportValidator.MaxAccused)
            body.Append($"""<button type="submit" class="secondary" name="action" value="{ReportForm.AddAction}" formaction="/report{language.Query()}">{Encode(text.AddAccused)}</button>""");

        body.Append($"""<fieldset id="{Id("report.categories")}" aria-describedby="categories-hint"><legend>{Encode(text.CategoriesHeading)} *</legend><p class="hint" id="categories-hint">{Encode(text.CategoriesHint)}</p>""");
        body.Append(FieldError(text, errors, "report.categories"));
        foreach (var (code, chinese, english) in ReportCategories.All)
        {
            var isChecked = form.Categories.Contains(code) ? " checked" : "";
            body.Append($"""<label class="choice"><input type="checkbox" name="categories" value="{code}"{isChecked}> {Encode(language == Language.English ? english : chinese)}</label>""");
        }
        body.Append("</fieldset>");

        body.Append(Input(text, form, errors, "title", text.Title, required: true, maxLength: ReportValidator.MaxTitle));
        body.Append(TextArea(text, form, errors, "details", text.Details, text.DetailsHint, ReportValidator.MaxDetails));
        body.Append(Input(text, form, errors, "occurredFrom", text.OccurredFrom + text.Optional, type: "date"));
        body.Append(Input(text, form, errors, "occurredTo", text.OccurredTo + text.Optional, type: "date"));
        body.Append(Input(text, form, errors, "location", text.Location + text.Optional));

        var realName = form.RealName ? " checked" : "";
        body.Append($"""<h2>{Encode(text.RealNameHeading)}</h2><p class="hint">{Encode(text.RealNameHint)}</p>""");
        body.Append($"""<label class="choice"><input type="checkbox" name="realName" value="yes"{realName}> {Encode(text.RealNameChoice)}</label>""");
        body.Append(Input(text, form, errors, "informant.name", text.Name));
        body.Append(Input(text, form, errors, "informant.phone", text.Phone, type: "tel"));
        body.Append(Input(text, form, errors, "informant.email", text.Email + text.Optional, type: "email"));
        body.Append(Input(text, form, errors, "informant.idNumber", text.IdNumber + text.Optional));
        body.Append(Input(text, form, errors, "informant.address", text.Address + text.Optional));

        body.Append($"""<button type="submit" name="action" value="submit">{Encode(text.SubmitButton)}</button></form>""");
        return PortalPage.Render(language, text.ReportHeading, body.ToString(), statusCode, "/report");
    }

    private static string Input(PortalText text, ReportForm form, IReadOnlyDictionary<string, string[]> errors, string field, string label, bool required = false, int maxLength = ReportValidator.MaxShortField, string type = "text", bool autofocus = false)
    {
        var path = $"report.{field}";
        var error = FieldError(text, errors, path);
        var describedBy = error.Length > 0 ? $" aria-describedby=\"{Id(path)}-error\" aria-invalid=\"true\"" : "";
        var requiredMark = required ? " *" : "";
        var ariaRequired = required ? " aria-required=\"true\"" : "";
        return $"""<label for="{Id(path)}">{Encode(label)}{requiredMark}</label>{error}<input type="{type}" id="{Id(path)}" name="{field}" value="{Encode(form.Value(field))}" maxlength="{maxLength}"{ariaRequired}{describedBy}{(autofocus ? " autofocus" : "")}>""";
    }

    private static string TextArea(PortalText text, ReportForm form, IReadOnlyDictionary<string, string[]> errors, string field, string label, string hint, int maxLength)
    {
        var path = $"report.{field}";
        var error = FieldError(text, errors, path);
        var invalid = error.Length > 0 ? " aria-invalid=\"true\"" : "";
        return $"""<label for="{Id(path)}">{Encode(label)} *</label><p class="hint" id="{Id(path)}-hint">{Encode(hint)}</p>{error}<textarea id="{Id(path)}" name="{field}" rows="12" maxlength="{maxLength}" aria-required="true" aria-describedby="{Id(path)}-hint {Id(path)}-error"{invalid}>{Encode(form.Value(field))}</textarea>""";
    }

    private static string FieldError(PortalText text, IReadOnlyDictionary<string, string[]> errors, string path)
    {
        var messages = errors.Where(error => error.Key == path || error.Key.StartsWith(path + "[", StringComparison.Ordinal)).SelectMany(error => error.Value).ToArray();
        return messages.Length == 0 ? "" : $"""<p class="field-error" id="{Id(path)}-error">{Encode(string.Join("; ", messages.Select(text.Error)))}</p>""";
    }

    /// <summary>An HTML id for a field path: brackets and dots become hyphens.</summary>
    private static string Id(string path) => "f-" + path.Replace('[', '-').Replace("]", "", StringComparison.Ordinal).Replace('.', '-');

    private static string LabelOf(PortalText text, string path)
    {
        var field = path.StartsWith("report.", StringComparison.Ordinal) ? path["report.".Length..] : path;
        var last = field[(field.LastIndexOf('.') + 1)..];
        var person = field.StartsWith("accused[", StringComparison.Ordinal) && field.Length > 8 && char.IsAsciiDigit(field[8]) ? $"{text.AccusedPerson} {field[8] - '0' + 1} · "
            : field.StartsWith("informant.", StringComparison.Ordinal) ? $"{text.RealNameHeading} · " : "";
        return person + (last switch
        {
            "accused" => text.AccusedHeading,
            "name" => text.Name,
            "position" => text.Position,
            "organization" => text.Organization,
            "rank" => text.Rank,
            "region" => text.Region,
            "title" => text.Title,
            "details" => text.Details,
            "occurredFrom" => text.OccurredFrom,
            "occurredTo" => text.OccurredTo,
            "location" => text.Location,
            "phone" => text.Phone,
            "email" => text.Email,
            "idNumber" => text.IdNumber,
            "address" => text.Address,
            _ when last.StartsWith("categories", StringComparison.Ordinal) => text.CategoriesHeading,
            _ => last,
        });
    }
}
