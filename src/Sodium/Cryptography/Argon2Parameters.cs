namespace Reporting.Sodium.Cryptography;

/// <summary>Argon2id costs. <see cref="MemorySize"/> is in KiB; libsodium computes with one lane only.</summary>
public struct Argon2Parameters
{
    public int DegreeOfParallelism { get; set; }

    public long MemorySize { get; set; }

    public long NumberOfPasses { get; set; }
}
