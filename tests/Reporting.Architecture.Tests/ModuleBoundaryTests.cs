namespace Reporting.Architecture.Tests;

public sealed class ModuleBoundaryTests
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
    public void Only_the_event_store_references_Npgsql(string name)
    {
        var referencesNpgsql = CompiledAssembly.Load(name).AssemblyReferences.Contains("Npgsql");

        Assert.Equal(name == "Reporting.EventStore", referencesNpgsql);
    }

    [Theory]
    [MemberData(nameof(SourceAssemblies))]
    public void Only_the_sodium_binding_calls_native_code(string name)
    {
        var assembly = CompiledAssembly.Load(name);

        if (name != "Reporting.Sodium")
            Assert.Empty(assembly.PlatformInvokes);
    }

    [Fact]
    public void The_event_store_and_the_sodium_binding_know_no_domain()
    {
        foreach (var name in new[] { "Reporting.EventStore", "Reporting.Sodium" })
            Assert.DoesNotContain(CompiledAssembly.Load(name).AssemblyReferences, reference => Modules.Contains(reference) || reference == "reporting");
    }

    [Fact]
    public void The_metadata_reader_sees_references_to_another_assemblys_types()
    {
        // The host calls each module's entry point; if the reader missed these, the boundary test above could not fail.
        var hostReferences = CompiledAssembly.Load("reporting").TypeReferences;

        Assert.Contains(("Reporting.Intake", "Reporting.Intake.IntakeModule"), hostReferences);
        Assert.Contains(("Reporting.EventStore", "Reporting.EventStore.Hosting.DatabaseOptions"), hostReferences);
    }
}
