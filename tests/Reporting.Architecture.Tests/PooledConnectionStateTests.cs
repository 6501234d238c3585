using System.Reflection;
using System.Text.RegularExpressions;

namespace Reporting.Architecture.Tests;

/// <summary>
/// The data source gives connections back to the pool without Npgsql's reset (<c>NoResetOnClose</c>), so no SQL of ours
/// may leave session state behind for the next user of the connection (a session lock left there would keep a daemon
/// shard's leadership on an idle pooled connection): every string literal and embedded script of the source assemblies
/// is read for it.
/// </summary>
public sealed partial class PooledConnectionStateTests
{
    public static TheoryData<string> SourceAssemblies() => new(CompiledAssembly.SourceAssemblies);

    [Theory]
    [MemberData(nameof(SourceAssemblies))]
    public void No_SQL_sets_a_session_setting_or_creates_a_temporary_table(string assembly)
    {
        var offending = SqlTexts(assembly)
            .Where(text => SessionSet().IsMatch(text) || SessionSetConfig().IsMatch(text) || text.Contains("CREATE TEMP", StringComparison.OrdinalIgnoreCase))
            .ToArray();

        Assert.Empty(offending);
    }

    [Theory]
    [MemberData(nameof(SourceAssemblies))]
    public void Code_that_listens_or_takes_a_session_lock_gives_it_up_itself(string assembly)
    {
        var texts = SqlTexts(assembly).ToArray();

        if (texts.Any(text => text.Contains("pg_advisory_lock(", StringComparison.Ordinal) || text.Contains("pg_try_advisory_lock(", StringComparison.Ordinal)))
            Assert.Contains(texts, text => text.Contains("pg_advisory_unlock", StringComparison.Ordinal));
        if (texts.Any(text => Listen().IsMatch(text)))
            Assert.Contains(texts, text => text.Contains("UNLISTEN", StringComparison.Ordinal));
    }

    [Fact]
    public void The_rules_catch_what_they_are_meant_to_catch()
    {
        Assert.Matches(SessionSet(), "SET statement_timeout = 0");
        Assert.Matches(SessionSet(), "SELECT 1; SET search_path TO x");
        Assert.DoesNotMatch(SessionSet(), "SET LOCAL search_path TO x");
        Assert.DoesNotMatch(SessionSet(), "UPDATE mt_streams SET version = 1");
        Assert.Matches(SessionSetConfig(), "set_config('reporting.chain_key', key, false)");
        Assert.DoesNotMatch(SessionSetConfig(), "set_config('reporting.chain_key', key, true)");
        Assert.Matches(Listen(), "LISTEN mt_events");
        Assert.DoesNotMatch(Listen(), "UNLISTEN *");
        Assert.Contains(SqlTexts("Reporting.Storage"), text => text.Contains("reporting_chain_event", StringComparison.Ordinal));
    }

    /// <summary>The assembly's string literals and its embedded .sql scripts.</summary>
    private static IEnumerable<string> SqlTexts(string assemblyName)
    {
        foreach (var literal in CompiledAssembly.Load(assemblyName).StringLiterals)
            yield return literal;

        var assembly = Assembly.Load(assemblyName);
        foreach (var resource in assembly.GetManifestResourceNames().Where(name => name.EndsWith(".sql", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return reader.ReadToEnd();
        }
    }

    /// <summary>A statement that begins with SET, other than SET LOCAL (which ends with its transaction).</summary>
    [GeneratedRegex(@"(^|;)\s*SET\s+(?!LOCAL\b)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex SessionSet();

    /// <summary>set_config with is_local false: a session setting by function.</summary>
    [GeneratedRegex(@"set_config\([^;]*,\s*false\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex SessionSetConfig();

    [GeneratedRegex(@"(?<!UN)LISTEN\s")]
    private static partial Regex Listen();
}
