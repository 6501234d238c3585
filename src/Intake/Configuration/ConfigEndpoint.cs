using Reporting.Intake.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Reporting.Intake.Flood;
using Reporting.Intake.Reports.Submitting;

namespace Reporting.Intake.Configuration;

/// <summary><c>GET /api/intake/config</c>: what a client needs to seal, prove work and stay within the limits.</summary>
internal static class ConfigEndpoint
{
    public static Ok<IntakeConfig> Handle(IOptions<IntakeOptions> options, ProofOfWork proofOfWork)
    {
        var intake = options.Value;
        var sealingKey = intake.SealingKey is { KeyId: { } keyId, PublicKey: { } publicKey } ? new PublishedSealingKey(keyId, publicKey) : null;
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
