using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using NSec.Cryptography;
using Reporting.CaseManagement.Cases.Opening;
using Reporting.CaseManagement.Keys;
using Reporting.Intake.Contracts;
using Reporting.Intake.Sealing;
using IntakeEnvelopes = Reporting.Intake.Sealing.Envelopes;

namespace Reporting.Envelopes.Benchmarks;

/// <summary>
/// A report's envelope (title, a 4 KiB report, the informant's identity) sealed and opened by the code Intake and
/// case management run, and the same by direct NSec calls (<see cref="DirectNSec"/>).
/// </summary>
public class EnvelopeBenchmarks : IDisposable
{
    private static readonly string[] Names = ["title", "report", "identity"];

    private readonly Guid _caseId = Guid.NewGuid();
    private readonly byte[][] _plaintexts = [RandomNumberGenerator.GetBytes(80), RandomNumberGenerator.GetBytes(4096), RandomNumberGenerator.GetBytes(300)];
    private Key _officeKey = null!;
    private OfficeSealingKey _sealingKey = null!;
    private OfficeEnvelopes _envelopes = null!;
    private byte[][] _associatedData = [];
    private SealedEnvelope _ours = null!;
    private (byte[] SealedDataKey, byte[][] Fields) _direct;

    [GlobalSetup]
    public void Setup()
    {
        _officeKey = Key.Create(KeyAgreementAlgorithm.X25519);
        _sealingKey = OfficeSealingKey.Create("bench", _officeKey.PublicKey);
        _envelopes = new OfficeEnvelopes(new OfficeKeys([new OfficeKey(OfficeKeyPurpose.Sealing, "bench", DateTimeOffset.UnixEpoch, _officeKey)]));
        _associatedData = [.. Names.Select(name => SealedEnvelope.AssociatedData(_caseId, name))];
        _ours = SealOurs();
        _direct = SealDirect();
        if (_envelopes.Open(_ours, _caseId, Names) is not { Count: 3 } || DirectNSec.Open(_officeKey, SealingInfo.DataKey, _direct.SealedDataKey, _associatedData, _direct.Fields).Any(field => field is null))
            throw new InvalidOperationException("An envelope did not open: the comparison would be meaningless.");
    }

    // Both copy the plaintexts first, since Envelopes.Seal zeroes what it sealed.
    [Benchmark]
    public SealedEnvelope SealOurs() =>
        IntakeEnvelopes.Seal(_sealingKey, _caseId, Names.Select((name, i) => (name, i)).ToDictionary(field => field.name, field => (byte[])_plaintexts[field.i].Clone()));

    [Benchmark]
    public (byte[], byte[][]) SealDirect() =>
        DirectNSec.Seal(_officeKey.PublicKey, SealingInfo.DataKey, _associatedData, [.. _plaintexts.Select(plaintext => (byte[])plaintext.Clone())]);

    [Benchmark]
    public IReadOnlyDictionary<string, byte[]>? OpenOurs() => _envelopes.Open(_ours, _caseId, Names);

    [Benchmark]
    public byte[]?[] OpenDirect() => DirectNSec.Open(_officeKey, SealingInfo.DataKey, _direct.SealedDataKey, _associatedData, _direct.Fields);

    [GlobalCleanup]
    public void Dispose()
    {
        _officeKey.Dispose();
        GC.SuppressFinalize(this);
    }
}
