using Reporting.Cryptography.PasswordHashing;
using Microsoft.Extensions.Configuration;

namespace Reporting.CaseManagement.Staff.Accounts;

/// <summary>
/// Argon2id through libsodium's crypto_pwhash_str. The cost is configuration (<c>Authentication:PasswordHashing</c>);
/// the defaults keep one login well under half a second on the two-core machines here (docs/decisions.md), and
/// raising them rehashes each password at its owner's next login.
/// </summary>
internal sealed class SodiumPasswordHashing(long opsLimit, long memoryBytes) : IPasswordHashing
{
    public const long DefaultOpsLimit = 2;
    public const long DefaultMemoryKiB = 64 * 1024;

    public static SodiumPasswordHashing From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Authentication:PasswordHashing");
        return new SodiumPasswordHashing(section.GetValue("OpsLimit", DefaultOpsLimit), section.GetValue("MemoryKiB", DefaultMemoryKiB) * 1024);
    }

    public string Hash(string password) => PasswordHashString.Create(password, opsLimit, memoryBytes);

    public bool Verify(string hash, string password) => PasswordHashString.Verify(hash, password);

    public bool NeedsRehash(string hash) => PasswordHashString.NeedsRehash(hash, opsLimit, memoryBytes);
}
