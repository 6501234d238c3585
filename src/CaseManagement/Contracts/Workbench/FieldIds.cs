using Reporting.CaseManagement.Workbench;
using Reporting.CaseManagement.Workbench.Forms;

namespace Reporting.CaseManagement.Contracts.Workbench;

/// <summary>Field names as the API reports them ("accused[0].name") turned into element ids and labels.</summary>
public static class FieldIds
{
    public static string Of(string field) => "f-" + new string([.. field.Select(c => char.IsLetterOrDigit(c) ? c : '-')]);

    /// <summary>
    /// Messages written for the page already speak its language; a Chinese page given one of the deciders' English
    /// messages says what kind of problem it is, then quotes it.
    /// </summary>
    public static string Message(PageContext page, string message)
    {
        if (page.English || message.Any(c => c is >= '\u4e00' and <= '\u9fff'))
            return message;
        if (ValidationMessages.InChinese(message) is { } chinese)
            return chinese;
        if (message.Contains("must not be empty", StringComparison.Ordinal) || message.Contains("required", StringComparison.OrdinalIgnoreCase))
            return "必须填写";
        return $"填写有误（{message}）";
    }

    public static string Label(PageContext page, string field)
    {
        var last = field.Split('.', '[').Last().TrimEnd(']');
        var name = field.Split('[', '.')[0];
        return Labels.Fields.ContainsKey(last) ? page.T(Labels.Of(Labels.Fields, last)) : page.T(Labels.Of(Labels.Fields, name));
    }
}
