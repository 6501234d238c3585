using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;

namespace Reporting.CaseManagement.Keys;

/// <summary>
/// The key ceremony on the office key file: create it, add keys to it, unlock it, read its public keys.
/// The file is written whole to a temporary file (mode 0600) and renamed over the old one, so a crash never leaves half a file.
/// </summary>
public static class OfficeKeyFile
{
    /// <summary>About a third of a second here: paid once per start or ceremony, and hard on anyone guessing passphrases offline.</summary>
    private static readonly Argon2Parameters PassphraseCost = new() { DegreeOfParallelism = 1, MemorySize = 128 * 1024, NumberOfPasses = 3 };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly AeadAlgorithm Wrapping = AeadAlgorithm.XChaCha20Poly1305;

    public static bool Exists(string path) => File.Exists(path);

    /// <summary>A new file with one key of each purpose; refuses to overwrite an existing file.</summary>
    public static OfficeKeys Create(string path, string passphrase, DateTimeOffset now)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var derivation = new KeyFileDerivation("argon2id", Base64UrlEncoder.Encode(salt), PassphraseCost.NumberOfPasses, PassphraseCost.MemorySize);
        var content = new KeyFileContent(KeyFileContent.CurrentFormat, derivation, []);
        using var wrappingKey = DeriveWrappingKey(passphrase, derivation);
        var keys = OfficeKeyPurpose.All.Select(purpose => AddNewKey(content, wrappingKey, purpose, now)).ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        Write(path, content, overwrite: false);
        return new OfficeKeys(keys);
    }

    /// <summary>Adds a new key for each purpose given; old keys stay, so that what they sealed or wrapped still opens.</summary>
    public static IReadOnlyList<string> Rotate(string path, string passphrase, IEnumerable<OfficeKeyPurpose> purposes, DateTimeOffset now)
    {
        var content = Read(path);
        using var wrappingKey = DeriveWrappingKey(passphrase, content.Derivation);
        using var check = Unwrap(content, wrappingKey);
        var added = purposes.Select(purpose => AddNewKey(content, wrappingKey, purpose, now)).ToList();
        Write(path, content, overwrite: true);
        foreach (var key in added)
            key.Key.Dispose();
        return [.. added.Select(key => key.KeyId)];
    }

    /// <summary>Opens every key; a wrong passphrase or an altered file opens none.</summary>
    public static OfficeKeys Unlock(string path, string passphrase)
    {
        var content = Read(path);
        using var wrappingKey = DeriveWrappingKey(passphrase, content.Derivation);
        return Unwrap(content, wrappingKey);
    }

    /// <summary>The public keys by purpose and key id, base64url; needs no passphrase.</summary>
    public static IReadOnlyList<PublicOfficeKey> PublicKeys(string path) =>
        [.. Read(path).Keys.Where(entry => entry.PublicKey is not null)
            .Select(entry => new PublicOfficeKey(entry.Purpose, entry.KeyId, entry.CreatedAt, entry.PublicKey!))];

    private static OfficeKey AddNewKey(KeyFileContent content, Key wrappingKey, OfficeKeyPurpose purpose, DateTimeOffset now)
    {
        var keyId = $"{purpose.KeyIdPrefix}-{now:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        var key = Key.Create(purpose.Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var nonce = RandomNumberGenerator.GetBytes(Wrapping.NonceSize);
        var secret = key.Export(purpose.PrivateFormat);
        try
        {
            var ciphertext = Wrapping.Encrypt(wrappingKey, nonce, AssociatedData(purpose.Name, keyId), secret);
            var publicKey = key.HasPublicKey ? Base64UrlEncoder.Encode(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)) : null;
            content.Keys.Add(new KeyFileEntry(purpose.Name, keyId, now, publicKey, Base64UrlEncoder.Encode([.. nonce, .. ciphertext])));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
        return new OfficeKey(purpose, keyId, now, key);
    }

    private static OfficeKeys Unwrap(KeyFileContent content, Key wrappingKey)
    {
        var keys = new List<OfficeKey>();
        foreach (var entry in content.Keys)
        {
            var purpose = OfficeKeyPurpose.Named(entry.Purpose);
            var wrapped = Base64UrlEncoder.DecodeBytes(entry.Wrapped);
            var secret = wrapped.Length > Wrapping.NonceSize
                ? Wrapping.Decrypt(wrappingKey, wrapped.AsSpan(0, Wrapping.NonceSize), AssociatedData(entry.Purpose, entry.KeyId), wrapped.AsSpan(Wrapping.NonceSize))
                : null;
            if (secret is null)
            {
                new OfficeKeys(keys).Dispose();
                throw new CryptographicException("The passphrase does not open the office key file (wrong passphrase, or the file was altered).");
            }
            keys.Add(new OfficeKey(purpose, entry.KeyId, entry.CreatedAt, Key.Import(purpose.Algorithm, secret, purpose.PrivateFormat)));
            CryptographicOperations.ZeroMemory(secret);
        }
        return new OfficeKeys(keys);
    }

    private static Key DeriveWrappingKey(string passphrase, KeyFileDerivation derivation)
    {
        if (derivation.Algorithm != "argon2id")
            throw new CryptographicException($"The key file's passphrase derivation {derivation.Algorithm} is not supported.");
        var argon2 = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            DegreeOfParallelism = 1,
            MemorySize = derivation.MemoryKiB,
            NumberOfPasses = derivation.Passes,
        });
        // The passphrase's UTF-8 bytes, spelled out, so that the file's format never depends on how a library encodes strings.
        var bytes = Encoding.UTF8.GetBytes(passphrase);
        try
        {
            return argon2.DeriveKey(bytes, Base64UrlEncoder.DecodeBytes(derivation.Salt), Wrapping);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static byte[] AssociatedData(string purpose, string keyId) => Encoding.UTF8.GetBytes($"{purpose}:{keyId}");

    private static KeyFileContent Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"No office key file at {path}; create one with `reporting keys init`.", path);
        var content = JsonSerializer.Deserialize<KeyFileContent>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path} is not an office key file.");
        if (content.Format != KeyFileContent.CurrentFormat)
            throw new InvalidDataException($"{path} is in format {content.Format}, not {KeyFileContent.CurrentFormat}.");
        return content;
    }

    private static void Write(string path, KeyFileContent content, bool overwrite)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        using (var stream = new FileStream(temporary, new FileStreamOptions
               {
                   Mode = FileMode.CreateNew,
                   Access = FileAccess.Write,
                   UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
               }))
        {
            JsonSerializer.Serialize(stream, content, Json);
            stream.Flush(flushToDisk: true);
        }
        try
        {
            File.Move(temporary, path, overwrite);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

/// <param name="PublicKey">base64url of the raw 32-byte key.</param>
public sealed record PublicOfficeKey(string Purpose, string KeyId, DateTimeOffset CreatedAt, string PublicKey);
