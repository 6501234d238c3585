using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;
using Reporting.CaseManagement.Contracts;

namespace Reporting.CaseManagement.Keys;

/// <summary>
/// The public halves of the notice and log keys, read from the office key file without its passphrase, for a host
/// that serves the public record and signs nothing: it can show and check signatures, never make one.
/// </summary>
internal sealed class PublicDisclosureKeys(IConfiguration configuration) : IDisclosureSigningKeys
{
    private readonly IReadOnlyList<PublicOfficeKey> _keys = OfficeKeyFile.PublicKeys(OfficeKeysLoading.KeyFilePath(configuration));

    public IReadOnlyList<DisclosureKey> NoticeKeys => Of(OfficeKeyPurpose.NoticeSigning);

    public IReadOnlyList<DisclosureKey> LogKeys => Of(OfficeKeyPurpose.LogSigning);

    private List<DisclosureKey> Of(OfficeKeyPurpose purpose) =>
        [.. _keys.Where(key => key.Purpose == purpose.Name).OrderBy(key => key.CreatedAt)
            .Select(key => new DisclosureKey(key.CreatedAt, PublicKey.Import(SignatureAlgorithm.Ed25519, Base64UrlEncoder.DecodeBytes(key.PublicKey), KeyBlobFormat.RawPublicKey), null))];
}
