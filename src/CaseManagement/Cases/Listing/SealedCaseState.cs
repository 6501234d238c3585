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
    private static readonly JsonSerializerOptions Forgetting = new(JsonSerializerDefaults.Web) { Converters = { new PlainShreddableConverter(forgetting: true) } };

    public byte[] Seal(CaseState state) => wrapping.Wrap(JsonSerializer.SerializeToUtf8Bytes(state, Json), Purpose(state.CaseId));

    public CaseState Open(Guid caseId, byte[] sealedState) =>
        JsonSerializer.Deserialize<CaseState>(wrapping.Unwrap(sealedState, Purpose(caseId)), Json)
        ?? throw new InvalidOperationException("A sealed case state held nothing.");

    /// <summary>
    /// The state as the case's events read once its data key is gone: every shreddable field shredded, the rest kept.
    /// The list folds each event once, so a shred must reach the values it folded before.
    /// </summary>
    public static CaseState Shredded(CaseState state) =>
        JsonSerializer.Deserialize<CaseState>(JsonSerializer.SerializeToUtf8Bytes(state, Forgetting), Json)!;

    private static string Purpose(Guid caseId) => $"case-list-state|{caseId:D}";
}
