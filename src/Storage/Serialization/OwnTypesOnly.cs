using System.Text.Json.Serialization.Metadata;

namespace Reporting.Storage.Serialization;

/// <summary>
/// Marten reads a stored event whose alias no host registered as the .NET type named in its <c>mt_dotnet_type</c>
/// column (<c>Type.GetType</c>), and deserializes it: whoever can write that column could make a host construct any
/// public type it can load. System.Text.Json builds objects only from the contracts this resolver hands it, so object
/// contracts are refused for types outside our assemblies and Marten's; values, collections and dictionaries of any
/// assembly are still read and written.
/// </summary>
internal static class OwnTypesOnly
{
    private static readonly string[] TrustedAssemblyPrefixes = ["Reporting.", "Marten", "JasperFx", "Weasel"];

    public static void Refuse(JsonTypeInfo contract)
    {
        if (contract.Kind != JsonTypeInfoKind.Object)
            return;
        var assembly = contract.Type.Assembly.GetName().Name ?? "";
        if (!TrustedAssemblyPrefixes.Any(prefix => assembly.StartsWith(prefix, StringComparison.Ordinal)))
            throw new NotSupportedException($"The store reads and writes only its own types, not {contract.Type.FullName}.");
    }
}
