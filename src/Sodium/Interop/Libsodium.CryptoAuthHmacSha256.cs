using System.Runtime.InteropServices;

namespace Reporting.Sodium.Interop;

// sodium/crypto_auth_hmacsha256.h
internal static unsafe partial class Libsodium
{
    internal const int crypto_auth_hmacsha256_BYTES = 32;
    internal const int crypto_auth_hmacsha256_STATEBYTES = 208;

    [LibraryImport(Name)]
    internal static partial nuint crypto_auth_hmacsha256_bytes();

    [LibraryImport(Name)]
    internal static partial nuint crypto_auth_hmacsha256_statebytes();

    [LibraryImport(Name)]
    internal static partial int crypto_auth_hmacsha256_init(void* state, byte* key, nuint keylen);

    [LibraryImport(Name)]
    internal static partial int crypto_auth_hmacsha256_update(void* state, byte* @in, ulong inlen);

    [LibraryImport(Name)]
    internal static partial int crypto_auth_hmacsha256_final(void* state, byte* @out);
}
