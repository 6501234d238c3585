using System.Runtime.InteropServices;

namespace Reporting.Sodium.Interop;

// sodium/crypto_aead_xchacha20poly1305.h
internal static unsafe partial class Libsodium
{
    internal const int crypto_aead_xchacha20poly1305_ietf_KEYBYTES = 32;
    internal const int crypto_aead_xchacha20poly1305_ietf_NPUBBYTES = 24;
    internal const int crypto_aead_xchacha20poly1305_ietf_ABYTES = 16;

    [LibraryImport(Name)]
    internal static partial nuint crypto_aead_xchacha20poly1305_ietf_keybytes();

    [LibraryImport(Name)]
    internal static partial nuint crypto_aead_xchacha20poly1305_ietf_npubbytes();

    [LibraryImport(Name)]
    internal static partial nuint crypto_aead_xchacha20poly1305_ietf_abytes();

    [LibraryImport(Name)]
    internal static partial int crypto_aead_xchacha20poly1305_ietf_encrypt(
        byte* c, ulong* clen_p, byte* m, ulong mlen, byte* ad, ulong adlen, byte* nsec, byte* npub, byte* k);

    [LibraryImport(Name)]
    internal static partial int crypto_aead_xchacha20poly1305_ietf_decrypt(
        byte* m, ulong* mlen_p, byte* nsec, byte* c, ulong clen, byte* ad, ulong adlen, byte* npub, byte* k);
}
