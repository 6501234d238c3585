using System.Text.Json;
using Reporting.CaseManagement.Staff.Accounts;

namespace Reporting.CaseManagement.Cases.Listing;

/// <summary>
/// A case's folded state kept beside its list entry, sealed under the key-encryption key and bound to the case id: the
/// state holds registered names and staff texts, which the list must not keep in clear.
/// </summary>
public sealed class SealedCaseState(ISecretWrapping wrapping)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new PlainShreddableConverter() } };

    public byte[] Seal(CaseState state) => wrapping.Wrap(JsonSerializer.SerializeToUtf8Bytes(state, Json), Purpose(state.CaseId));

    public CaseState Open(Guid caseId, byte[] sealedState) =>
        JsonSerializer.Deserialize<CaseState>(wrapping.Unwrap(sealedState, Purpose(caseId)), Json)
        ?? throw new InvalidOperationException("A sealed case state held nothing.");

    private static string Purpose(Guid caseId) => $"case-list-state|{caseId:D}";
}
