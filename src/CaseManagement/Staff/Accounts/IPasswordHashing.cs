namespace Reporting.CaseManagement.Staff.Accounts;

/// <summary>Argon2id password hashing in crypto_pwhash_str's self-describing string format.</summary>
public interface IPasswordHashing
{
    string Hash(string password);

    bool Verify(string hash, string password);

    /// <summary>True when the hash was made with weaker parameters than those now configured.</summary>
    bool NeedsRehash(string hash);
}
