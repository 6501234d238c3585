using Marten;
using Reporting.CaseManagement.Cases.Listing;
using Reporting.CaseManagement.Staff.Authorization;

namespace Reporting.CaseManagement.Workbench.Reading;

/// <summary>How many of a case's informant messages one staff member has seen, as of their last look at the case page.</summary>
public sealed class CaseReading
{
    /// <summary><c>username/caseid</c>: one per reader and case.</summary>
    public string Id { get; set; } = "";

    public int InformantMessagesSeen { get; set; }
}

/// <summary>
/// Unread informant messages, per reader: the case list counts the messages each case has received, and the reader's
/// last look at the case page says how many of them they saw. Counts only; the messages stay sealed in the case's stream.
/// </summary>
public sealed class CaseReadings(IDocumentStore store)
{
    private static readonly IReadOnlyDictionary<Guid, int> None = new Dictionary<Guid, int>();

    private static string IdOf(string username, Guid caseId) => $"{username}/{caseId:N}";

    public async Task SeenAsync(string username, Guid caseId, int informantMessages, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Store(new CaseReading { Id = IdOf(username, caseId), InformantMessagesSeen = informantMessages });
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Unread messages on each case assigned to the user that has any, as far as the user may see the case at all.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> UnreadOnMineAsync(StaffMember user, VisibleCases cases, CancellationToken cancellationToken)
    {
        var username = user.Username;
        await using var session = store.QuerySession();
        var listed = await cases.QueryAsync(session, user, query => query.Where(item => item.Assignees.Contains(username) && item.InformantMessages > 0), cancellationToken);
        var received = await listed().Select(item => new { item.Id, item.InformantMessages }).ToListAsync(cancellationToken);
        if (received.Count == 0)
            return None;
        var seen = (await session.LoadManyAsync<CaseReading>(cancellationToken, [.. received.Select(item => IdOf(username, item.Id))]))
            .ToDictionary(reading => reading.Id, reading => reading.InformantMessagesSeen, StringComparer.Ordinal);
        return received
            .Select(item => (item.Id, Unread: item.InformantMessages - seen.GetValueOrDefault(IdOf(username, item.Id))))
            .Where(item => item.Unread > 0)
            .ToDictionary(item => item.Id, item => item.Unread);
    }
}
