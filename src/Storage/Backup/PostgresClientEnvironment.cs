using Npgsql;

namespace Reporting.Storage.Backup;

/// <summary>
/// A connection string as the environment variables libpq's programs (pg_dump, pg_restore) read, so that a password
/// never appears on a command line, where any user of the machine could read it in the process list.
/// </summary>
public static class PostgresClientEnvironment
{
    public static IReadOnlyDictionary<string, string> Of(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = builder.Host ?? "localhost",
            ["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGDATABASE"] = builder.Database ?? throw new InvalidOperationException("The connection string names no database."),
            ["PGSSLMODE"] = builder.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Allow => "allow",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            },
        };
        if (builder.Username is { } user)
            environment["PGUSER"] = user;
        if (builder.Password is { } password)
            environment["PGPASSWORD"] = password;
        if (builder.Passfile is { } passfile)
            environment["PGPASSFILE"] = passfile;
        if (builder.RootCertificate is { } root)
            environment["PGSSLROOTCERT"] = root;
        return environment;
    }
}
