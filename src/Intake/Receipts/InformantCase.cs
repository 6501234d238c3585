using Marten;
using Reporting.Storage.Confinement;

namespace Reporting.Intake.Receipts;

/// <summary>The case a receipt leads to, as the informant adds to it (a message, a request for protection).</summary>
internal static class InformantCase
{
    /// <summary>
    /// Appends what <paramref name="eventFor"/> makes for the case (given its id, to which it seals) and commits; false,
    /// with nothing sealed or stored, when the receipt leads to no case.
    /// </summary>
    public static async Task<bool> AppendAsync(StreamConfinedSessions sessions, ReceiptCode receipt, Func<Guid, object> eventFor, CancellationToken cancellationToken)
    {
        var caseId = ReceiptKeys.CaseId(receipt);
        await using var confined = await sessions.LightweightSessionAsync([caseId], cancellationToken);
        var session = confined.Session;
        if (await session.Events.FetchStreamStateAsync(caseId, cancellationToken) is null)
            return false;
        // Exclusive: the informant's event waits for a staff action being committed on the case, rather than failing, and
        // is appended at a version known before the commit, as every append to a case is.
        await session.Events.AppendExclusive(caseId, cancellationToken, eventFor(caseId));
        await session.SaveChangesAsync(cancellationToken);
        return true;
    }
}
