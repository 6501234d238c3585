using System.Runtime.InteropServices;

namespace Reporting.Sodium.Interop;

// sodium/crypto_box.h (sealed boxes only)
internal static unsafe partial class Libsodium
{
    internal const int crypto_box_PUBLICKEYBYTES = 32;
    internal const int crypto_box_SECRETKEYBYTES = 32;
    internal const int crypto_box_SEALBYTES = 48;

    [LibraryImport(Name)]
    internal static partial nuint crypto_box_publickeybytes();

    [LibraryImport(Name)]
    internal static partial nuint crypto_box_secretkeybytes();

    [LibraryImport(Name)]
    internal static partial nuint crypto_box_sealbytes();

    [LibraryImport(Name)]
    internal static partial int crypto_box_seal(byte* c, byte* m, ulong mlen, byte* pk);

    [LibraryImport(Name)]
    internal static partial int crypto_box_seal_open(byte* m, byte* c, ulong clen, byte* pk, byte* sk);
}
