using System.Runtime.InteropServices;

namespace Reporting.Cryptography.Sodium;

// sodium/crypto_secretstream_xchacha20poly1305.h: attachments are encrypted as a chunked stream, which NSec does not offer.
internal static unsafe partial class Libsodium
{
    internal const int crypto_secretstream_xchacha20poly1305_ABYTES = 17;
    internal const int crypto_secretstream_xchacha20poly1305_HEADERBYTES = 24;
    internal const int crypto_secretstream_xchacha20poly1305_KEYBYTES = 32;
    internal const int crypto_secretstream_xchacha20poly1305_STATEBYTES = 52;
    internal const byte crypto_secretstream_xchacha20poly1305_TAG_MESSAGE = 0;
    internal const byte crypto_secretstream_xchacha20poly1305_TAG_FINAL = 3;

    // The size functions let a test hold the constants above to the library actually loaded.
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

    // Starts an encrypted stream: writes its header and derives the state from the key.
    [LibraryImport(Name)]
    internal static partial int crypto_secretstream_xchacha20poly1305_init_push(byte* state, byte* header, byte* k);

    // Encrypts one chunk and advances the state, so that chunks cannot be reordered.
    [LibraryImport(Name)]
    internal static partial int crypto_secretstream_xchacha20poly1305_push(
        byte* state, byte* c, ulong* clen_p, byte* m, ulong mlen, byte* ad, ulong adlen, byte tag);

    // Starts reading a stream from its header.
    [LibraryImport(Name)]
    internal static partial int crypto_secretstream_xchacha20poly1305_init_pull(byte* state, byte* header, byte* k);

    // Authenticates and decrypts one chunk, and reports its tag (the final one marks the stream's end).
    [LibraryImport(Name)]
    internal static partial int crypto_secretstream_xchacha20poly1305_pull(
        byte* state, byte* m, ulong* mlen_p, byte* tag_p, byte* c, ulong clen, byte* ad, ulong adlen);
}
