namespace Reporting.Intake.Contracts;

/// <summary>
/// The HPKE <c>info</c> of each kind of envelope (RFC 9180 §8.1), shared by whoever seals and whoever opens: an envelope
/// sealed for one purpose never opens as another, even under the same key.
/// </summary>
public static class SealingInfo
{
    /// <summary>A case's data key, sealed to the office's sealing key.</summary>
    public static ReadOnlySpan<byte> DataKey => "reporting/data-key/v1"u8;

    /// <summary>A message for the informant, sealed to the mailbox key derived from their receipt.</summary>
    public static ReadOnlySpan<byte> Mailbox => "reporting/mailbox/v1"u8;
}
