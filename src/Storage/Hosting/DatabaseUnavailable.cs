using Npgsql;

namespace Reporting.Storage.Hosting;

/// <summary>
/// Whether a request failed because the database is away rather than because of the request: the server unreachable
/// or shutting down, out of connections or out of disk. Such a request is answered 503 with Retry-After, so that
/// a client tries again later; nothing was acknowledged, and the host recovers by itself once the database is back.
/// </summary>
public static class DatabaseUnavailable
{
    public static bool Is(Exception exception)
    {
        for (Exception? cause = exception; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                // Class 53: insufficient resources (53100 disk full, 53200 out of memory, 53300 too many connections);
                // class 57P: the server shutting down, crashed or starting up; class 08: the connection lost.
                case PostgresException postgres when postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
                    || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal):
                    return true;
                case PostgresException:
                    return false;
                // No server answer at all: refused, reset, or timed out while connecting.
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
            }
        }
        return false;
    }
}
