namespace Reporting.Architecture.Tests;

public sealed partial class ModuleBoundaryTests
{
    private static readonly string[] Modules = ["Reporting.Intake", "Reporting.CaseManagement", "Reporting.Disclosure"];

    public static TheoryData<string> SourceAssemblies() => new(CompiledAssembly.SourceAssemblies);

    public static TheoryData<string> ModuleAssemblies() => new(Modules);

    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void A_module_uses_another_module_only_through_its_Contracts_namespace(string module)
    {
        var assembly = CompiledAssembly.Load(module);

        var internalsUsed = assembly.TypeReferences
            .Where(reference => Modules.Contains(reference.Assembly) && reference.Assembly != module)
            .Where(reference => !reference.Type.StartsWith(reference.Assembly + ".Contracts.", StringComparison.Ordinal))
            .Select(reference => reference.Type)
            .ToArray();

        Assert.Empty(internalsUsed);
    }

    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void A_module_never_depends_on_the_host(string module)
    {
        Assert.DoesNotContain("reporting", CompiledAssembly.Load(module).AssemblyReferences);
    }

    [Theory]
    [MemberData(nameof(SourceAssemblies))]
    public void Only_the_store_layer_uses_Npgsql(string name)
    {
        // Marten's own schema API names column types with NpgsqlTypes' enum; connections and commands are the store layer's alone.
        var npgsqlTypes = CompiledAssembly.Load(name).TypeReferences
            .Where(reference => reference.Assembly == "Npgsql" && !reference.Type.StartsWith("NpgsqlTypes.", StringComparison.Ordinal));

        Assert.Equal(name == "Reporting.Storage", npgsqlTypes.Any());
    }

    /// <summary>Modules reach the database through Marten's own API (sessions, LINQ, events), never with SQL of their own.</summary>
    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void A_module_writes_no_SQL(string module)
    {
        var assembly = CompiledAssembly.Load(module);

        Assert.DoesNotContain(assembly.MemberReferences, member => member is "QueueSqlCommand" or "AdvancedSql" or "ExecuteSqlAsync");
        Assert.DoesNotContain(assembly.StringLiterals, literal => Sql().IsMatch(literal));
    }

    [Fact]
    public void The_SQL_rule_catches_what_it_is_meant_to_catch()
    {
        Assert.Contains(CompiledAssembly.Load("Reporting.Storage").StringLiterals, literal => Sql().IsMatch(literal));
        Assert.Contains("QueueSqlCommand", CompiledAssembly.Load("Reporting.Storage").MemberReferences);
        Assert.DoesNotMatch(Sql(), "Select the cases to show");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(SELECT .+ FROM|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE (TABLE|FUNCTION|TRIGGER))\b")]
    private static partial System.Text.RegularExpressions.Regex Sql();

    [Theory]
    [MemberData(nameof(SourceAssemblies))]
    public void Only_the_libsodium_interop_calls_native_code(string name)
    {
        var invokes = CompiledAssembly.Load(name).PlatformInvokes;

        Assert.All(invokes, invoke => Assert.StartsWith("Reporting.Cryptography.Sodium.Libsodium::", invoke));
        if (name == "Reporting.Cryptography")
            Assert.Contains(invokes, invoke => invoke.Contains("crypto_secretstream_xchacha20poly1305_push", StringComparison.Ordinal));
    }

    [Fact]
    public void The_store_layer_and_the_cryptography_know_no_domain()
    {
        foreach (var name in new[] { "Reporting.Storage", "Reporting.Cryptography" })
            Assert.DoesNotContain(CompiledAssembly.Load(name).AssemblyReferences, reference => Modules.Contains(reference) || reference == "reporting");
    }

    [Fact]
    public void The_metadata_reader_sees_references_to_another_assemblys_types()
    {
        // The host calls each module's entry point; if the reader missed these, the boundary test above could not fail.
        var hostReferences = CompiledAssembly.Load("reporting").TypeReferences;

        Assert.Contains(("Reporting.Intake", "Reporting.Intake.IntakeModule"), hostReferences);
        Assert.Contains(("Reporting.Storage", "Reporting.Storage.Hosting.DatabaseOptions"), hostReferences);
    }
}
