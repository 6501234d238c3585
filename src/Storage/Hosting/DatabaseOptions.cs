using System.Text.RegularExpressions;

namespace Reporting.Storage.Hosting;

public sealed partial record DatabaseOptions
{
    public DatabaseOptions(string connectionString, string schema = "reporting", bool migrateOnStartup = true)
    {
        if (!SchemaName().IsMatch(schema))
            throw new ArgumentException("A schema name is lower-case letters, digits and underscores, starting with a letter.", nameof(schema));
        ConnectionString = connectionString;
        Schema = schema;
        MigrateOnStartup = migrateOnStartup;
    }

    public string ConnectionString { get; }

    /// <summary>The PostgreSQL schema that holds Marten's tables and our own; it is also the connections' search path.</summary>
    public string Schema { get; }

    /// <summary>
    /// Whether the host brings the schema up to date when it starts (Development and tests), rather than only checking
    /// it and refusing to start until an operator has run <c>reporting db migrate</c> (production).
    /// </summary>
    public bool MigrateOnStartup { get; }

    /// <summary>
    /// The base of the advisory locks behind the async daemon's leader election. Marten 9 elects a leader per projection
    /// shard and derives each shard's lock from this base, the schema and the shard's name: hosts of one deployment share
    /// the locks, deployments in other schemas of the same database do not.
    /// </summary>
    public int DaemonLockId =>
        System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"reporting.daemon:{Schema}"))) & 0x7FFFFFFF;

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
