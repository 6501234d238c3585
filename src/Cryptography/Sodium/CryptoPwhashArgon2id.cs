using System.Runtime.InteropServices;

namespace Reporting.Cryptography.Sodium;

// sodium/crypto_pwhash_argon2id.h: staff passwords are kept as Argon2id encoded strings ($argon2id$v=19$…), which NSec
// does not produce or parse (its Argon2id derives raw bytes only).
internal static unsafe partial class Libsodium
{
    internal const int crypto_pwhash_argon2id_STRBYTES = 128;
    internal const long crypto_pwhash_argon2id_OPSLIMIT_MIN = 1;
    internal const long crypto_pwhash_argon2id_MEMLIMIT_MIN = 8192;

    // The size functions let a test hold the constants above to the library actually loaded.
    [LibraryImport(Name)]
    internal static partial nuint crypto_pwhash_argon2id_strbytes();

    [LibraryImport(Name)]
    internal static partial nuint crypto_pwhash_argon2id_opslimit_min();

    [LibraryImport(Name)]
    internal static partial nuint crypto_pwhash_argon2id_memlimit_min();

    // Hashes a password with a random salt into the encoded string that records its own costs.
    [LibraryImport(Name)]
    internal static partial int crypto_pwhash_argon2id_str(
        byte* @out, byte* passwd, ulong passwdlen, ulong opslimit, nuint memlimit);

    // Checks a password against an encoded string, in time independent of where they differ.
    [LibraryImport(Name)]
    internal static partial int crypto_pwhash_argon2id_str_verify(byte* str, byte* passwd, ulong passwdlen);

    // Tells whether a string was made with other costs, so that a sign-in can rehash it.
    [LibraryImport(Name)]
    internal static partial int crypto_pwhash_argon2id_str_needs_rehash(byte* str, ulong opslimit, nuint memlimit);
}
