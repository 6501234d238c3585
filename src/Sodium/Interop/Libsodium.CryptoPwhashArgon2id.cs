using System.Runtime.InteropServices;

namespace Reporting.Sodium.Interop;

// sodium/crypto_pwhash_argon2id.h
internal static unsafe partial class Libsodium
{
    internal const int crypto_pwhash_argon2id_ALG_ARGON2ID13 = 2;
    internal const int crypto_pwhash_argon2id_BYTES_MIN = 16;
    internal const int crypto_pwhash_argon2id_SALTBYTES = 16;
    internal const int crypto_pwhash_argon2id_STRBYTES = 128;
    internal const long crypto_pwhash_argon2id_OPSLIMIT_MIN = 1;
    internal const long crypto_pwhash_argon2id_MEMLIMIT_MIN = 8192;
    internal const long crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE = 2;
    internal const long crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE = 67108864;
    internal const long crypto_pwhash_argon2id_OPSLIMIT_MODERATE = 3;
    internal const long crypto_pwhash_argon2id_MEMLIMIT_MODERATE = 268435456;
    internal const long crypto_pwhash_argon2id_OPSLIMIT_SENSITIVE = 4;
    internal const long crypto_pwhash_argon2id_MEMLIMIT_SENSITIVE = 1073741824;

    [LibraryImport(Name)]
    internal static partial int crypto_pwhash_argon2id_alg_argon2id13();

    [LibraryImport(Name)]
    internal static partial nuint crypto_pwhash_argon2id_bytes_min();

    [LibraryImport(Name)]
    internal static partial nuint crypto_pwhash_argon2id_saltbytes();

    [LibraryImport(Name)]
    internal static partial nuint crypto_pwhash_argon2id_strbytes();

    [LibraryImport(Name)]
    internal static partial nuint crypto_pwhash_argon2id_opslimit_min();

    [LibraryImport(Name)]
    internal static partial nuint crypto_pwhash_argon2id_memlimit_min();

    [LibraryImport(Name)]
    internal static partial nuint crypto_pwhash_argon2id_opslimit_interactive();

    [LibraryImport(Name)]
    internal static partial nuint crypto_pwhash_argon2id_memlimit_interactive();

    [LibraryImport(Name)]
    internal static partial nuint crypto_pwhash_argon2id_opslimit_moderate();

    [LibraryImport(Name)]
    internal static partial nuint crypto_pwhash_argon2id_memlimit_moderate();

    [LibraryImport(Name)]
    internal static partial nuint crypto_pwhash_argon2id_opslimit_sensitive();

    [LibraryImport(Name)]
    internal static partial nuint crypto_pwhash_argon2id_memlimit_sensitive();

    [LibraryImport(Name)]
    internal static partial int crypto_pwhash_argon2id(
        byte* @out, ulong outlen, byte* passwd, ulong passwdlen, byte* salt, ulong opslimit, nuint memlimit, int alg);

    [LibraryImport(Name)]
    internal static partial int crypto_pwhash_argon2id_str(
        byte* @out, byte* passwd, ulong passwdlen, ulong opslimit, nuint memlimit);

    [LibraryImport(Name)]
    internal static partial int crypto_pwhash_argon2id_str_verify(byte* str, byte* passwd, ulong passwdlen);

    [LibraryImport(Name)]
    internal static partial int crypto_pwhash_argon2id_str_needs_rehash(byte* str, ulong opslimit, nuint memlimit);
}
