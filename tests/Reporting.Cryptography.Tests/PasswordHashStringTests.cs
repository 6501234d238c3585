using Reporting.Cryptography.SecretStreams;
using Reporting.Cryptography.PasswordHashing;

namespace Reporting.Cryptography.Tests;

public class PasswordHashStringTests
{
    private const long OpsLimit = 1;
    private const long MemLimit = 64 * 1024;

    [Fact]
    public void A_hash_verifies_its_password_and_no_other()
    {
        var hash = PasswordHashString.Create("correct horse 电池 staple", OpsLimit, MemLimit);

        Assert.StartsWith("$argon2id$v=19$m=64,t=1,p=1$", hash, StringComparison.Ordinal);
        Assert.True(PasswordHashString.Verify(hash, "correct horse 电池 staple"));
        Assert.False(PasswordHashString.Verify(hash, "correct horse 电池 staplE"));
    }

    [Fact]
    public void The_same_password_hashes_differently_each_time()
    {
        Assert.NotEqual(PasswordHashString.Create("pw", OpsLimit, MemLimit), PasswordHashString.Create("pw", OpsLimit, MemLimit));
    }

    [Fact]
    public void A_hash_with_other_costs_needs_rehashing()
    {
        var hash = PasswordHashString.Create("pw", OpsLimit, MemLimit);

        Assert.False(PasswordHashString.NeedsRehash(hash, OpsLimit, MemLimit));
        Assert.True(PasswordHashString.NeedsRehash(hash, OpsLimit + 1, MemLimit));
        Assert.True(PasswordHashString.NeedsRehash(hash, OpsLimit, 2 * MemLimit));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a hash")]
    [InlineData("$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA")]
    [InlineData("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPd\u0000")]
    [InlineData("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc-that-is-far-longer-than-any-hash-string-libsodium-would-ever-produce")]
    public void Something_that_is_not_an_Argon2id_hash_string_never_verifies(string notAHash)
    {
        Assert.False(PasswordHashString.Verify(notAHash, "password"));
        Assert.True(PasswordHashString.NeedsRehash(notAHash, OpsLimit, MemLimit));
    }

    [Fact]
    public void Costs_below_libsodiums_minimum_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PasswordHashString.Create("pw", 0, MemLimit));
        Assert.Throws<ArgumentOutOfRangeException>(() => PasswordHashString.Create("pw", OpsLimit, 1024));
    }
}
