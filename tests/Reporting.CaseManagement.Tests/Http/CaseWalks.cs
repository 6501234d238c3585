using Reporting.Testing;
using System.Net.Http.Json;
using System.Text.Json;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Tests.Http;

/// <summary>
/// The steps the routes share, taken over HTTP by the staff who may take them, with the bodies the contract gives.
/// Each returns the case detail after its last step, so that a test asserts only what its own route adds.
/// </summary>
internal static class CaseWalks
{
    public static Task<JsonElement> DetailAsync(this CaseHost host, Guid caseId, string username = "registrar1") =>
        host.GetJsonAsync(username, $"/api/cases/{caseId}");

    /// <summary>The informant writes to the office through Intake, with the receipt alone.</summary>
    public static async Task InformantWritesAsync(this CaseHost host, string receipt, string body)
    {
        var response = await host.Client.PostAsync(new Uri("/api/intake/messages", UriKind.Relative), JsonContent.Create(new { receipt, body }));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>
    /// The informant's status page shows exactly this stage, one of the contract's informant stages, and the case detail
    /// says the same of what the informant sees.
    /// </summary>
    public static async Task<JsonElement> AssertInformantSeesAsync(this CaseHost host, string receipt, Guid caseId, string stage)
    {
        Assert.Contains(stage, InformantStages.All);
        var status = await host.InformantStatusAsync(receipt);
        Assert.Equal(stage, status.GetProperty("stage").GetString());
        Assert.Equal(stage, (await host.DetailAsync(caseId)).GetProperty("informantStage").GetString());
        return status;
    }
}

/// <summary>Reading a case detail as the contract shapes it.</summary>
internal static class CaseJson
{
    public static string Stage(this JsonElement detail) => detail.GetProperty("stage").GetString()!;

    public static IReadOnlyList<string> AllowedActions(this JsonElement detail) =>
        [.. detail.GetProperty("allowedActions").EnumerateArray().Select(action => action.GetString()!)];

    public static IReadOnlyList<string> Events(this JsonElement detail) =>
        [.. detail.GetProperty("history").EnumerateArray().Select(entry => entry.GetProperty("event").GetString()!)];

    public static JsonElement Deadline(this JsonElement detail, string kind) =>
        detail.GetProperty("deadlines").EnumerateArray().Single(deadline => deadline.GetProperty("kind").GetString() == kind);

    public static bool HasDeadline(this JsonElement detail, string kind) =>
        detail.GetProperty("deadlines").EnumerateArray().Any(deadline => deadline.GetProperty("kind").GetString() == kind);

    public static DateOnly Due(this JsonElement deadline) => DateOnly.Parse(deadline.GetProperty("due").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsMet(this JsonElement deadline) => deadline.GetProperty("metAt").ValueKind != JsonValueKind.Null;

    public static bool IsOverdue(this JsonElement deadline) => deadline.GetProperty("overdue").GetBoolean();

    /// <summary>China's date of the last event of that name: the day a deadline it started counts from.</summary>
    public static DateOnly DayOf(this JsonElement detail, string eventName) =>
        WorkingCalendar.DateInChina(detail.GetProperty("history").EnumerateArray()
            .Last(entry => entry.GetProperty("event").GetString() == eventName).GetProperty("at").GetDateTimeOffset());

    public static DateOnly ReceivedOn(this JsonElement detail) => WorkingCalendar.DateInChina(detail.GetProperty("receivedAt").GetDateTimeOffset());

    public static WorkingCalendar Calendar => RepositoryCalendars.Calendar;

    /// <summary>The deadline of that kind runs, is not overdue, and falls on the day the rule sets.</summary>
    public static void AssertRunning(this JsonElement detail, string kind, DateOnly due)
    {
        var deadline = detail.Deadline(kind);
        Assert.False(deadline.IsMet(), $"{kind} should still run");
        Assert.False(deadline.IsOverdue(), $"{kind} should not be overdue");
        Assert.Equal(due, deadline.Due());
    }

    public static void AssertMet(this JsonElement detail, string kind) => Assert.True(detail.Deadline(kind).IsMet(), $"{kind} should be met");

    public static IEnumerable<JsonElement> Messages(this JsonElement detailOrStatus) => detailOrStatus.GetProperty("messages").EnumerateArray();
}
