using static Reporting.Sodium.Interop.Libsodium;

namespace Reporting.Sodium.Cryptography;

/// <summary>
/// Argon2id version 1.3 through libsodium, which takes neither a secret key nor associated data and computes
/// with a single lane, so only parameters with a degree of parallelism of 1 are accepted.
/// </summary>
public sealed class Argon2id : PasswordBasedKeyDerivationAlgorithm
{
    private readonly ulong _opsLimit;
    private readonly nuint _memLimit;

    internal Argon2id(in Argon2Parameters parameters)
        : base(crypto_pwhash_argon2id_SALTBYTES, crypto_pwhash_argon2id_BYTES_MIN, int.MaxValue)
    {
        if (parameters.DegreeOfParallelism != 1)
        {
            throw new ArgumentException("libsodium's Argon2id computes with one lane; the degree of parallelism must be 1.", nameof(parameters));
        }

        if (parameters.NumberOfPasses < crypto_pwhash_argon2id_OPSLIMIT_MIN || parameters.NumberOfPasses > uint.MaxValue)
        {
            throw new ArgumentException($"The number of passes must be between {crypto_pwhash_argon2id_OPSLIMIT_MIN} and {uint.MaxValue}.", nameof(parameters));
        }

        if (parameters.MemorySize < crypto_pwhash_argon2id_MEMLIMIT_MIN / 1024 || parameters.MemorySize > long.MaxValue / 1024)
        {
            throw new ArgumentException($"The memory size must be at least {crypto_pwhash_argon2id_MEMLIMIT_MIN / 1024} KiB.", nameof(parameters));
        }

        Parameters = parameters;
        _opsLimit = (ulong)parameters.NumberOfPasses;
        _memLimit = (nuint)(parameters.MemorySize * 1024);
    }

    public Argon2Parameters Parameters { get; }

    private protected override unsafe bool TryDeriveBytesCore(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, Span<byte> bytes)
    {
        fixed (byte* output = bytes, passwd = password, s = salt)
        {
            return crypto_pwhash_argon2id(
                output, (ulong)bytes.Length, passwd, (ulong)password.Length, s, _opsLimit, _memLimit, crypto_pwhash_argon2id_ALG_ARGON2ID13) == 0;
        }
    }
}
