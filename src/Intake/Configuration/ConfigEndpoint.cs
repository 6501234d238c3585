using Reporting.Intake.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Reporting.Intake.Flood;
using Reporting.Intake.Reports.Submitting;
using Reporting.Intake.Sealing;

namespace Reporting.Intake.Configuration;

/// <summary>
/// <c>GET /api/intake/config</c>: what a client needs to seal, prove work and stay within the limits. The sealing key is
/// the one Intake itself seals to (<see cref="IOfficeSealingKeyProvider"/>: key custody's current sealing key when case
/// management shares the host, else <c>Intake:SealingKey</c>), never a second reading of configuration that could differ.
/// </summary>
internal static class ConfigEndpoint
{
    public static Ok<IntakeConfig> Handle(IOptions<IntakeOptions> options, ProofOfWork proofOfWork, IOfficeSealingKeyProvider sealingKeys)
    {
        var intake = options.Value;
        var sealingKey = sealingKeys.Current is { } current ? new PublishedSealingKey(current.KeyId, Base64Url.Encode(current.PublicKey.Export(NSec.Cryptography.KeyBlobFormat.RawPublicKey))) : null;
        return TypedResults.Ok(new IntakeConfig(
            sealingKey,
            new ProofOfWorkConfig(proofOfWork.Difficulty),
            ReportCategories.All.Select(category => category.Code).ToArray(),
            new IntakeLimits(
                intake.Limits.MaxReportBodyBytes,
                intake.Limits.MaxFileBytes,
                intake.Limits.MaxAttachmentBytesPerReport,
                ReportValidator.MaxAccused,
                ReportValidator.MaxCategories,
                ReportValidator.MaxTitle,
                ReportValidator.MinDetails,
                ReportValidator.MaxDetails)));
    }
}

public sealed record IntakeConfig(PublishedSealingKey? SealingKey, ProofOfWorkConfig ProofOfWork, IReadOnlyList<string> Categories, IntakeLimits Limits);

public sealed record PublishedSealingKey(string KeyId, string PublicKey);

public sealed record ProofOfWorkConfig(int Difficulty);

public sealed record IntakeLimits(
    int MaxReportBodyBytes,
    long MaxFileBytes,
    long MaxAttachmentBytesPerReport,
    int MaxAccused,
    int MaxCategories,
    int MaxTitle,
    int MinDetails,
    int MaxDetails);
