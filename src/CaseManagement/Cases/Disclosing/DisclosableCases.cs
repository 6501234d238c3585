using System.Text.Json;
using Marten;
using Reporting.CaseManagement.Cases.Opening;
using Reporting.CaseManagement.Contracts;
using Reporting.CaseManagement.Staff.Audit;
using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Cases.Disclosing;

/// <summary>
/// The notice-safe facts of a case for its publisher (each read on the audit trail), and the check that a notice names
/// no informant. The informant's values never leave this class: only the names of the fields found do.
/// </summary>
internal sealed class DisclosableCases(IDocumentStore store, OfficeEnvelopes envelopes, IAuditTrail audit, TimeProvider time) : IDisclosableCases
{
    public async Task<Guid?> FindByNumberAsync(string caseNumber, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var found = await session.Query<Listing.CaseListItem>().Where(item => item.CaseNumber == caseNumber).Select(item => item.Id).ToListAsync(cancellationToken);
        return found.Count == 1 ? found[0] : null;
    }

    public async Task<DisclosableCase?> ReadForNoticeAsync(Guid caseId, string username, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(caseId, token: cancellationToken);
        if (events.Count == 0 || events[0].Data is not ReportSubmitted)
            return null;
        var state = CaseState.Rebuild(events.Select(e => e.Data));
        await audit.RecordAsync(new AuditEntry(Guid.NewGuid(), time.GetUtcNow(), username, AuditActions.NoticeFactsRead, caseId, AuditOutcomes.Succeeded, null), cancellationToken);
        return new DisclosableCase(
            caseId,
            state.Number,
            state.Stage,
            state.Stage == CaseStage.Closed && state.Outcome == ConclusionOutcome.Sanctioned && state.DecidedAt is not null,
            [.. state.RegisteredAccused.Select(accused => new DisclosableSubject(accused.Name, accused.Position, accused.Organization))],
            state.Registration?.Categories ?? [],
            state.Sanctions,
            state.ReviewReport?.Findings.Value,
            state.DecidedAt,
            events.Select(e => e.Data).OfType<CaseFiled>().FirstOrDefault()?.At,
            events.Select(e => e.Data).OfType<NameCleared>().FirstOrDefault()?.At);
    }

    public async Task<IReadOnlyList<string>> InformantFieldsFoundInAsync(Guid caseId, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(caseId, token: cancellationToken);
        if (events.Count == 0 || events[0].Data is not ReportSubmitted submitted)
            return [];
        var informantFields = new List<(string Field, string Value)>();
        if (submitted.Identity is { } identity && envelopes.Open(identity, caseId, "identity")?.GetValueOrDefault("identity") is { } identityJson)
            Collect(JsonDocument.Parse(identityJson).RootElement, "informant", informantFields);
        // A client that sealed the identity inside the report (older or third-party ones) left it in the report's
        // "informant" member: the same strings, so the same check.
        if (envelopes.Open(submitted.Report, caseId, "report")?.GetValueOrDefault("report") is { } reportJson
            && JsonDocument.Parse(reportJson).RootElement is { ValueKind: JsonValueKind.Object } report
            && report.TryGetProperty("informant", out var inReport))
            Collect(inReport, "informant", informantFields);
        return InformantText.FieldsFound(informantFields, texts);
    }

    private static void Collect(JsonElement element, string path, List<(string, string)> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Collect(property.Value, $"{path}.{property.Name}", into);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Collect(item, path, into);
                break;
            case JsonValueKind.String when element.GetString() is { Length: > 0 } value:
                into.Add((path, value));
                break;
        }
    }
}
