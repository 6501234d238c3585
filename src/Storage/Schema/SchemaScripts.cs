using System.Reflection;

namespace Reporting.Storage.Schema;

/// <summary>
/// The SQL scripts one module contributes for its own tables: embedded resources named <c>*.Schema.NNNN_name.sql</c>
/// in its assembly, applied once each, in order, after Marten's own schema, and never edited after release (an edited
/// script is refused at start-up).
/// </summary>
public sealed record SchemaScripts(string Module, Assembly Assembly)
{
    public IEnumerable<(string Id, string Sql)> Load()
    {
        foreach (var resource in Assembly.GetManifestResourceNames()
                     .Where(name => name.Contains(".Schema.", StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = Assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var fileName = resource[(resource.IndexOf(".Schema.", StringComparison.Ordinal) + ".Schema.".Length)..];
            yield return ($"{Module}/{fileName}", reader.ReadToEnd());
        }
    }
}
