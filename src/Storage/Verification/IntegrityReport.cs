namespace Reporting.Storage.Verification;

/// <param name="Sequence">The global sequence number of the row where the problem shows.</param>
public sealed record IntegrityFinding(long Sequence, Guid? StreamId, long? Version, string Problem)
{
    public override string ToString() => StreamId is null ? $"at event {Sequence}: {Problem}" : $"event {Sequence} (stream {StreamId}, version {Version}): {Problem}";
}

/// <param name="LatestCheckpoint">The global sequence number the newest valid checkpoint covers, if any.</param>
public sealed record IntegrityReport(long Events, long Streams, int Checkpoints, long? LatestCheckpoint, IReadOnlyList<IntegrityFinding> Findings)
{
    public bool IsIntact => Findings.Count == 0;

    /// <summary>The first problem in the global order of events: where the history stops being trustworthy.</summary>
    public IntegrityFinding? First => Findings.OrderBy(f => f.Sequence).FirstOrDefault();
}
