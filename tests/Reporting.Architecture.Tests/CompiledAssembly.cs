using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Reporting.Architecture.Tests;

/// <summary>What a built assembly refers to, read from its metadata without loading it.</summary>
internal sealed class CompiledAssembly
{
    private CompiledAssembly(
        string name, IReadOnlyList<string> assemblyReferences, IReadOnlyList<(string Assembly, string Type)> typeReferences, IReadOnlyList<string> platformInvokes,
        IReadOnlyList<string> memberReferences, IReadOnlyList<string> stringLiterals)
    {
        Name = name;
        AssemblyReferences = assemblyReferences;
        TypeReferences = typeReferences;
        PlatformInvokes = platformInvokes;
        MemberReferences = memberReferences;
        StringLiterals = stringLiterals;
    }

    public string Name { get; }

    public IReadOnlyList<string> AssemblyReferences { get; }

    /// <summary>Every type used from another assembly: (that assembly, namespace-qualified type name).</summary>
    public IReadOnlyList<(string Assembly, string Type)> TypeReferences { get; }

    /// <summary>Methods implemented in native code (DllImport, and LibraryImport's generated stubs), as <c>Namespace.Type::method</c>.</summary>
    public IReadOnlyList<string> PlatformInvokes { get; }

    /// <summary>The names of the methods and fields of other assemblies this one calls or reads.</summary>
    public IReadOnlyList<string> MemberReferences { get; }

    public IReadOnlyList<string> StringLiterals { get; }

    public static readonly IReadOnlyList<string> SourceAssemblies =
        ["reporting", "Reporting.Intake", "Reporting.CaseManagement", "Reporting.Disclosure", "Reporting.Storage", "Reporting.Cryptography"];

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
            .Select(method =>
            {
                var type = metadata.GetTypeDefinition(method.GetDeclaringType());
                return $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}::{metadata.GetString(method.Name)}";
            })
            .ToArray();

        var memberReferences = metadata.MemberReferences
            .Select(handle => metadata.GetString(metadata.GetMemberReference(handle).Name))
            .ToArray();

        var stringLiterals = new List<string>();
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
            stringLiterals.Add(metadata.GetUserString(handle));

        return new CompiledAssembly(name, assemblyReferences, typeReferences, platformInvokes, memberReferences, stringLiterals);
    }
}
