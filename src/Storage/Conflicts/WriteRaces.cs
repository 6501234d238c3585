using JasperFx;
using Marten.Exceptions;
using Npgsql;

namespace Reporting.Storage.Conflicts;

/// <summary>
/// Whether a failed unit of work lost a race with another writer of the same stream, so that reading the stream again
/// and deciding again is the right answer (and a 409 or 412 the right refusal once retries run out), never a 500.
/// Marten names most such races itself; three it leaves as database errors:
/// <list type="bullet">
/// <item>two units of work starting the same stream with a plain append (a year's first case number, a day's first
/// audit entry): the loser's insert into <c>mt_streams</c> breaks its primary key (23505);</item>
/// <item>Marten's quick append finding the stream moved on (MT003), where Marten does not turn it into its own exception;</item>
/// <item>our hash chain finding the predecessor of the event it chains not yet visible to this transaction (RP001): a
/// concurrent append to the same stream committed between the version check and the chaining.</item>
/// </list>
/// </summary>
public static class WriteRaces
{
    public static bool Lost(Exception exception) =>
        exception is ConcurrencyException or ExistingStreamIdCollisionException
        || Database(exception) is { SqlState: "MT003" or "RP001" }
        || Database(exception) is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pkey_mt_streams_id" };

    private static PostgresException? Database(Exception exception)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
            if (inner is PostgresException postgres)
                return postgres;
        return null;
    }
}
