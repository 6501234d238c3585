using Npgsql;

namespace Reporting.Storage.Hosting;

public static class DatabaseProvisioning
{
    /// <summary>Creates the database the connection string names if it does not exist yet (the role needs CREATEDB then).</summary>
    public static Task<string> EnsureDatabaseAsync(string connectionString, CancellationToken cancellationToken = default) =>
        EnsureDatabaseAsync(connectionString, new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new InvalidOperationException("The connection string names no database."), cancellationToken);

    /// <summary>Creates the database if it does not exist yet and returns a connection string to it.</summary>
    public static async Task<string> EnsureDatabaseAsync(string serverConnectionString, string database, CancellationToken cancellationToken = default)
    {
        var target = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;
        var maintenance = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(maintenance);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new() { Value = database });
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            return target;
        await using var create = new NpgsqlCommand($"CREATE DATABASE {new NpgsqlCommandBuilder().QuoteIdentifier(database)} TEMPLATE template0 ENCODING 'UTF8'", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return target;
    }
}
