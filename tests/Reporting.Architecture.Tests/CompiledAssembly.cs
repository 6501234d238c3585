using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Reporting.Architecture.Tests;

/// <summary>What a built assembly refers to, read from its metadata without loading it.</summary>
internal sealed class CompiledAssembly
{
    private CompiledAssembly(string name, IReadOnlyList<string> assemblyReferences, IReadOnlyList<(string Assembly, string Type)> typeReferences, IReadOnlyList<string> platformInvokes)
    {
        Name = name;
        AssemblyReferences = assemblyReferences;
        TypeReferences = typeReferences;
        PlatformInvokes = platformInvokes;
    }

    public string Name { get; }

    public IReadOnlyList<string> AssemblyReferences { get; }

    /// <summary>Every type used from another assembly: (that assembly, namespace-qualified type name).</summary>
    public IReadOnlyList<(string Assembly, string Type)> TypeReferences { get; }

    /// <summary>Methods implemented in native code (DllImport, and LibraryImport's generated stubs).</summary>
    public IReadOnlyList<string> PlatformInvokes { get; }

    public static readonly IReadOnlyList<string> SourceAssemblies =
        ["reporting", "Reporting.Intake", "Reporting.CaseManagement", "Reporting.Disclosure", "Reporting.EventStore", "Reporting.Sodium"];

    public static CompiledAssembly Load(string name)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, name + ".dll"));
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();

        var assemblyReferences = metadata.AssemblyReferences
            .Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name))
            .ToArray();

        var typeReferences = new List<(string, string)>();
        foreach (var handle in metadata.TypeReferences)
        {
            var reference = metadata.GetTypeReference(handle);
            var scope = reference.ResolutionScope;
            // A nested type's scope is its enclosing type; walk out to the assembly that defines it.
            var outer = reference;
            while (scope.Kind == HandleKind.TypeReference)
            {
                outer = metadata.GetTypeReference((TypeReferenceHandle)scope);
                scope = outer.ResolutionScope;
            }
            if (scope.Kind != HandleKind.AssemblyReference)
                continue;
            var assembly = metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
            typeReferences.Add((assembly, $"{metadata.GetString(outer.Namespace)}.{metadata.GetString(reference.Name)}"));
        }

        var platformInvokes = metadata.MethodDefinitions
            .Select(metadata.GetMethodDefinition)
            .Where(method => (method.Attributes & System.Reflection.MethodAttributes.PinvokeImpl) != 0)
            .Select(method => metadata.GetString(method.Name))
            .ToArray();

        return new CompiledAssembly(name, assemblyReferences, typeReferences, platformInvokes);
    }
}
