using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Marten;
using JasperFx;

namespace Reporting.Intake.Flood;

/// <summary>
/// Where used tokens are remembered until they expire. Kept in the database, so that every Intake host behind a load
/// balancer refuses a token that any of them has accepted.
/// </summary>
public interface ISpentTokens
{
    /// <summary>True for the first spend of <paramref name="id"/>; false, on every host, for any later one.</summary>
    Task<bool> TrySpendAsync(string id, DateTimeOffset keepUntil, CancellationToken cancellationToken);
}

/// <summary>
/// A spent token: its id is a hash of the token (the token itself carries its issue time to the second, which the
/// database must not learn), kept until the hour after it expires.
/// </summary>
internal sealed record SpentFloodToken(string Id, DateTimeOffset KeepUntil);

internal sealed class StoredSpentTokens(IDocumentStore store) : ISpentTokens
{
    public async Task<bool> TrySpendAsync(string id, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        // An insert, never an upsert: of two hosts spending one token at once, the second waits for the first to commit
        // and then fails on the key; if the first rolls back, the second spends it.
        session.Insert(new SpentFloodToken(id, keepUntil));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DocumentAlreadyExistsException)
        {
            return false;
        }
    }
}

/// <summary>Deletes spent tokens once they could no longer be used anyway; every host sweeps, deletes are idempotent.</summary>
internal sealed class SpentTokenSweep(IDocumentStore store, TimeProvider clock, ILogger<SpentTokenSweep> logger) : BackgroundService
{
    private const int PageSize = 500;
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (DbException exception)
            {
                // The database being away for a while must not stop the sweeping for good; the next round retries.
                logger.LogWarning("Sweeping spent flood tokens failed ({SqlState}); retrying in {Interval}.", exception.SqlState, Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes every spent token kept past its time, oldest first, a page at a time; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (true)
        {
            await using var session = store.LightweightSession();
            var oldest = await session.Query<SpentFloodToken>().OrderBy(token => token.KeepUntil).Take(PageSize).ToListAsync(cancellationToken);
            var expired = oldest.Where(token => token.KeepUntil <= clock.GetUtcNow()).ToList();
            foreach (var token in expired)
                session.Delete<SpentFloodToken>(token.Id);
            await session.SaveChangesAsync(cancellationToken);
            deleted += expired.Count;
            if (expired.Count < PageSize)
                return deleted;
        }
    }
}
