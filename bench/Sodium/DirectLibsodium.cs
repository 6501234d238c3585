using System.Runtime.InteropServices;

namespace Reporting.Sodium.Benchmarks;

/// <summary>
/// The baseline: the same libsodium calls declared as plainly as possible, with no argument checks, no SafeHandle
/// and no secure memory, so that the difference measures what the binding adds.
/// </summary>
internal static unsafe class DirectLibsodium
{
    private const string Library = "libsodium.so.23";

    [DllImport(Library)]
    public static extern int sodium_init();

    [DllImport(Library)]
    public static extern int crypto_box_seal(byte* c, byte* m, ulong mlen, byte* pk);

    [DllImport(Library)]
    public static extern int crypto_box_seal_open(byte* m, byte* c, ulong clen, byte* pk, byte* sk);

    [DllImport(Library)]
    public static extern int crypto_aead_xchacha20poly1305_ietf_encrypt(
        byte* c, ulong* clen_p, byte* m, ulong mlen, byte* ad, ulong adlen, byte* nsec, byte* npub, byte* k);

    [DllImport(Library)]
    public static extern int crypto_aead_xchacha20poly1305_ietf_decrypt(
        byte* m, ulong* mlen_p, byte* nsec, byte* c, ulong clen, byte* ad, ulong adlen, byte* npub, byte* k);
}
