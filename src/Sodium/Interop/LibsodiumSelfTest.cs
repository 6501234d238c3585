using System.Runtime.InteropServices;
using static Reporting.Sodium.Interop.Libsodium;

namespace Reporting.Sodium.Interop;

/// <summary>
/// Refuses to run against a libsodium whose sizes differ from the constants this binding was written
/// against, so that a changed library can never make us read or write past a buffer.
/// </summary>
internal static class LibsodiumSelfTest
{
    /// <summary>1.0.18 reports library version 10.3; earlier releases lack functions this binding calls.</summary>
    public const int MinimumMajorVersion = 10;
    public const int MinimumMinorVersion = 3;

    public static void Run()
    {
        int major = sodium_library_version_major(), minor = sodium_library_version_minor();
        if (!IsSupportedVersion(major, minor))
        {
            throw new InvalidOperationException(
                $"libsodium library version {major}.{minor} ({Marshal.PtrToStringUTF8(sodium_version_string())}) is older than " +
                $"{MinimumMajorVersion}.{MinimumMinorVersion} (libsodium 1.0.18); install the Debian package {LibsodiumLoader.DebianPackage}.");
        }

        var mismatch = SizeConstants().FirstOrDefault(constant => constant.Expected != constant.Actual);
        if (mismatch.Name is not null)
        {
            throw new InvalidOperationException(
                $"libsodium reports {mismatch.Name} = {mismatch.Actual}, but this binding was built for {mismatch.Expected}.");
        }
    }

    public static bool IsSupportedVersion(int major, int minor) =>
        major > MinimumMajorVersion || (major == MinimumMajorVersion && minor >= MinimumMinorVersion);

    public static IEnumerable<(string Name, long Expected, long Actual)> SizeConstants()
    {
        yield return (nameof(crypto_box_PUBLICKEYBYTES), crypto_box_PUBLICKEYBYTES, (long)crypto_box_publickeybytes());
        yield return (nameof(crypto_box_SECRETKEYBYTES), crypto_box_SECRETKEYBYTES, (long)crypto_box_secretkeybytes());
        yield return (nameof(crypto_box_SEALBYTES), crypto_box_SEALBYTES, (long)crypto_box_sealbytes());
        yield return (nameof(crypto_scalarmult_curve25519_BYTES), crypto_scalarmult_curve25519_BYTES, (long)crypto_scalarmult_curve25519_bytes());
        yield return (nameof(crypto_scalarmult_curve25519_SCALARBYTES), crypto_scalarmult_curve25519_SCALARBYTES, (long)crypto_scalarmult_curve25519_scalarbytes());
        yield return (nameof(crypto_sign_ed25519_BYTES), crypto_sign_ed25519_BYTES, (long)crypto_sign_ed25519_bytes());
        yield return (nameof(crypto_sign_ed25519_SEEDBYTES), crypto_sign_ed25519_SEEDBYTES, (long)crypto_sign_ed25519_seedbytes());
        yield return (nameof(crypto_sign_ed25519_PUBLICKEYBYTES), crypto_sign_ed25519_PUBLICKEYBYTES, (long)crypto_sign_ed25519_publickeybytes());
        yield return (nameof(crypto_sign_ed25519_SECRETKEYBYTES), crypto_sign_ed25519_SECRETKEYBYTES, (long)crypto_sign_ed25519_secretkeybytes());
        yield return (nameof(crypto_aead_xchacha20poly1305_ietf_KEYBYTES), crypto_aead_xchacha20poly1305_ietf_KEYBYTES, (long)crypto_aead_xchacha20poly1305_ietf_keybytes());
        yield return (nameof(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES), crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, (long)crypto_aead_xchacha20poly1305_ietf_npubbytes());
        yield return (nameof(crypto_aead_xchacha20poly1305_ietf_ABYTES), crypto_aead_xchacha20poly1305_ietf_ABYTES, (long)crypto_aead_xchacha20poly1305_ietf_abytes());
        yield return (nameof(crypto_aead_chacha20poly1305_ietf_KEYBYTES), crypto_aead_chacha20poly1305_ietf_KEYBYTES, (long)crypto_aead_chacha20poly1305_ietf_keybytes());
        yield return (nameof(crypto_aead_chacha20poly1305_ietf_NPUBBYTES), crypto_aead_chacha20poly1305_ietf_NPUBBYTES, (long)crypto_aead_chacha20poly1305_ietf_npubbytes());
        yield return (nameof(crypto_aead_chacha20poly1305_ietf_ABYTES), crypto_aead_chacha20poly1305_ietf_ABYTES, (long)crypto_aead_chacha20poly1305_ietf_abytes());
        yield return (nameof(crypto_auth_hmacsha256_BYTES), crypto_auth_hmacsha256_BYTES, (long)crypto_auth_hmacsha256_bytes());
        yield return (nameof(crypto_auth_hmacsha256_STATEBYTES), crypto_auth_hmacsha256_STATEBYTES, (long)crypto_auth_hmacsha256_statebytes());
        yield return (nameof(crypto_pwhash_argon2id_ALG_ARGON2ID13), crypto_pwhash_argon2id_ALG_ARGON2ID13, crypto_pwhash_argon2id_alg_argon2id13());
        yield return (nameof(crypto_pwhash_argon2id_BYTES_MIN), crypto_pwhash_argon2id_BYTES_MIN, (long)crypto_pwhash_argon2id_bytes_min());
        yield return (nameof(crypto_pwhash_argon2id_SALTBYTES), crypto_pwhash_argon2id_SALTBYTES, (long)crypto_pwhash_argon2id_saltbytes());
        yield return (nameof(crypto_pwhash_argon2id_STRBYTES), crypto_pwhash_argon2id_STRBYTES, (long)crypto_pwhash_argon2id_strbytes());
        yield return (nameof(crypto_pwhash_argon2id_OPSLIMIT_MIN), crypto_pwhash_argon2id_OPSLIMIT_MIN, (long)crypto_pwhash_argon2id_opslimit_min());
        yield return (nameof(crypto_pwhash_argon2id_MEMLIMIT_MIN), crypto_pwhash_argon2id_MEMLIMIT_MIN, (long)crypto_pwhash_argon2id_memlimit_min());
        yield return (nameof(crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE), crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, (long)crypto_pwhash_argon2id_opslimit_interactive());
        yield return (nameof(crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE), crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE, (long)crypto_pwhash_argon2id_memlimit_interactive());
        yield return (nameof(crypto_pwhash_argon2id_OPSLIMIT_MODERATE), crypto_pwhash_argon2id_OPSLIMIT_MODERATE, (long)crypto_pwhash_argon2id_opslimit_moderate());
        yield return (nameof(crypto_pwhash_argon2id_MEMLIMIT_MODERATE), crypto_pwhash_argon2id_MEMLIMIT_MODERATE, (long)crypto_pwhash_argon2id_memlimit_moderate());
        yield return (nameof(crypto_pwhash_argon2id_OPSLIMIT_SENSITIVE), crypto_pwhash_argon2id_OPSLIMIT_SENSITIVE, (long)crypto_pwhash_argon2id_opslimit_sensitive());
        yield return (nameof(crypto_pwhash_argon2id_MEMLIMIT_SENSITIVE), crypto_pwhash_argon2id_MEMLIMIT_SENSITIVE, (long)crypto_pwhash_argon2id_memlimit_sensitive());
        yield return (nameof(crypto_secretstream_xchacha20poly1305_ABYTES), crypto_secretstream_xchacha20poly1305_ABYTES, (long)crypto_secretstream_xchacha20poly1305_abytes());
        yield return (nameof(crypto_secretstream_xchacha20poly1305_HEADERBYTES), crypto_secretstream_xchacha20poly1305_HEADERBYTES, (long)crypto_secretstream_xchacha20poly1305_headerbytes());
        yield return (nameof(crypto_secretstream_xchacha20poly1305_KEYBYTES), crypto_secretstream_xchacha20poly1305_KEYBYTES, (long)crypto_secretstream_xchacha20poly1305_keybytes());
        yield return (nameof(crypto_secretstream_xchacha20poly1305_STATEBYTES), crypto_secretstream_xchacha20poly1305_STATEBYTES, (long)crypto_secretstream_xchacha20poly1305_statebytes());
        yield return (nameof(crypto_secretstream_xchacha20poly1305_TAG_MESSAGE), crypto_secretstream_xchacha20poly1305_TAG_MESSAGE, crypto_secretstream_xchacha20poly1305_tag_message());
        yield return (nameof(crypto_secretstream_xchacha20poly1305_TAG_FINAL), crypto_secretstream_xchacha20poly1305_TAG_FINAL, crypto_secretstream_xchacha20poly1305_tag_final());
    }
}
