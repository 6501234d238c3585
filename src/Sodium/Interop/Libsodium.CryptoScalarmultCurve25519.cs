using System.Runtime.InteropServices;

namespace Reporting.Sodium.Interop;

// sodium/crypto_scalarmult_curve25519.h
internal static unsafe partial class Libsodium
{
    internal const int crypto_scalarmult_curve25519_BYTES = 32;
    internal const int crypto_scalarmult_curve25519_SCALARBYTES = 32;

    [LibraryImport(Name)]
    internal static partial nuint crypto_scalarmult_curve25519_bytes();

    [LibraryImport(Name)]
    internal static partial nuint crypto_scalarmult_curve25519_scalarbytes();

    [LibraryImport(Name)]
    internal static partial int crypto_scalarmult_curve25519(byte* q, byte* n, byte* p);

    [LibraryImport(Name)]
    internal static partial int crypto_scalarmult_curve25519_base(byte* q, byte* n);
}
