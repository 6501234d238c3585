using System.Text.RegularExpressions;

namespace Reporting.EventStore.Hosting;

public sealed partial record DatabaseOptions
{
    public DatabaseOptions(string connectionString, string schema = "reporting")
    {
        if (!SchemaName().IsMatch(schema))
            throw new ArgumentException("A schema name is lower-case letters, digits and underscores, starting with a letter.", nameof(schema));
        ConnectionString = connectionString;
        Schema = schema;
    }

    public string ConnectionString { get; }

    /// <summary>The PostgreSQL schema that holds every table of the system; it is also the connections' search path.</summary>
    public string Schema { get; }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
