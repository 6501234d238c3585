using System.Runtime.InteropServices;

namespace Reporting.Sodium.Interop;

// sodium/crypto_secretstream_xchacha20poly1305.h
internal static unsafe partial class Libsodium
{
    internal const int crypto_secretstream_xchacha20poly1305_ABYTES = 17;
    internal const int crypto_secretstream_xchacha20poly1305_HEADERBYTES = 24;
    internal const int crypto_secretstream_xchacha20poly1305_KEYBYTES = 32;
    internal const int crypto_secretstream_xchacha20poly1305_STATEBYTES = 52;
    internal const byte crypto_secretstream_xchacha20poly1305_TAG_MESSAGE = 0;
    internal const byte crypto_secretstream_xchacha20poly1305_TAG_FINAL = 3;

    [LibraryImport(Name)]
    internal static partial nuint crypto_secretstream_xchacha20poly1305_abytes();

    [LibraryImport(Name)]
    internal static partial nuint crypto_secretstream_xchacha20poly1305_headerbytes();

    [LibraryImport(Name)]
    internal static partial nuint crypto_secretstream_xchacha20poly1305_keybytes();

    [LibraryImport(Name)]
    internal static partial nuint crypto_secretstream_xchacha20poly1305_statebytes();

    [LibraryImport(Name)]
    internal static partial byte crypto_secretstream_xchacha20poly1305_tag_message();

    [LibraryImport(Name)]
    internal static partial byte crypto_secretstream_xchacha20poly1305_tag_final();

    [LibraryImport(Name)]
    internal static partial int crypto_secretstream_xchacha20poly1305_init_push(void* state, byte* header, byte* k);

    [LibraryImport(Name)]
    internal static partial int crypto_secretstream_xchacha20poly1305_push(
        void* state, byte* c, ulong* clen_p, byte* m, ulong mlen, byte* ad, ulong adlen, byte tag);

    [LibraryImport(Name)]
    internal static partial int crypto_secretstream_xchacha20poly1305_init_pull(void* state, byte* header, byte* k);

    [LibraryImport(Name)]
    internal static partial int crypto_secretstream_xchacha20poly1305_pull(
        void* state, byte* m, ulong* mlen_p, byte* tag_p, byte* c, ulong clen, byte* ad, ulong adlen);
}
