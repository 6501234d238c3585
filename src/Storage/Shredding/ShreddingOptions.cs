using NSec.Cryptography;

namespace Reporting.Storage.Shredding;

/// <summary>Configured through the options pattern by the module that holds the office keys.</summary>
public sealed class ShreddingOptions
{
    /// <summary>The XChaCha20-Poly1305 key that wraps every stream's data key; it never enters the database.</summary>
    public Key? KeyEncryptionKey { get; set; }

    /// <summary>
    /// How long a host keeps a stream's unwrapped data key in memory. A stream shredded on another host stays readable
    /// here for at most this long; the host that shreds forgets the key at once.
    /// </summary>
    public TimeSpan KeyCacheLifetime { get; set; } = TimeSpan.FromMinutes(1);
}
