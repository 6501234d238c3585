using Reporting.CaseManagement.Contracts;

namespace Reporting.CaseManagement.Keys;

/// <summary>The notice and log keys of the office key file, oldest first, for Disclosure.</summary>
internal sealed class DisclosureSigningKeys(OfficeKeys keys) : IDisclosureSigningKeys
{
    public IReadOnlyList<DisclosureKey> NoticeKeys { get; } = Of(keys, OfficeKeyPurpose.NoticeSigning);

    public IReadOnlyList<DisclosureKey> LogKeys { get; } = Of(keys, OfficeKeyPurpose.LogSigning);

    private static List<DisclosureKey> Of(OfficeKeys keys, OfficeKeyPurpose purpose) =>
        [.. keys.All.Where(key => key.Purpose == purpose).OrderBy(key => key.CreatedAt).Select(key => new DisclosureKey(key.CreatedAt, key.Key))];
}
