using System.Runtime.InteropServices;

namespace Reporting.Sodium.Interop;

// sodium/crypto_sign_ed25519.h
internal static unsafe partial class Libsodium
{
    internal const int crypto_sign_ed25519_BYTES = 64;
    internal const int crypto_sign_ed25519_SEEDBYTES = 32;
    internal const int crypto_sign_ed25519_PUBLICKEYBYTES = 32;
    internal const int crypto_sign_ed25519_SECRETKEYBYTES = 64;

    [LibraryImport(Name)]
    internal static partial nuint crypto_sign_ed25519_bytes();

    [LibraryImport(Name)]
    internal static partial nuint crypto_sign_ed25519_seedbytes();

    [LibraryImport(Name)]
    internal static partial nuint crypto_sign_ed25519_publickeybytes();

    [LibraryImport(Name)]
    internal static partial nuint crypto_sign_ed25519_secretkeybytes();

    [LibraryImport(Name)]
    internal static partial int crypto_sign_ed25519_seed_keypair(byte* pk, byte* sk, byte* seed);

    [LibraryImport(Name)]
    internal static partial int crypto_sign_ed25519_detached(byte* sig, ulong* siglen_p, byte* m, ulong mlen, byte* sk);

    [LibraryImport(Name)]
    internal static partial int crypto_sign_ed25519_verify_detached(byte* sig, byte* m, ulong mlen, byte* pk);
}
