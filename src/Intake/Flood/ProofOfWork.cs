using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Reporting.Intake.Flood;

/// <summary>
/// The contract's proof of work: a decimal nonce such that SHA-256 of UTF-8 "challenge:nonce" begins with at least
/// <c>difficulty</c> zero bits. The client pays about 2^difficulty hashes; the server checks one HMAC and one hash.
/// </summary>
public sealed class ProofOfWork(SignedTokens tokens, TimeProvider clock, IOptions<IntakeOptions> options)
{
    private ProofOfWorkOptions Options => options.Value.ProofOfWork;

    public int Difficulty => Options.Difficulty;

    public (string Challenge, DateTimeOffset ExpiresAt) IssueChallenge()
    {
        var challenge = tokens.Issue(TokenPurpose.ProofOfWorkChallenge);
        return (challenge, clock.GetUtcNow() + Options.ChallengeLifetime);
    }

    /// <summary>True when the answer is right and its challenge is ours, unexpired and not used before; uses it up.</summary>
    public async Task<bool> TryAcceptAsync(string? challenge, string? nonce, CancellationToken cancellationToken) =>
        Difficulty == 0 || (Verify(challenge, nonce) is { } expiresAt && await TrySpendAsync(challenge!, expiresAt, cancellationToken));

    /// <summary>
    /// The answer checked in memory alone (one HMAC, one hash): right, ours and unexpired. Its challenge's expiry when
    /// so, null when not. Checked before the flood budget is touched, so that only work paid for spends it.
    /// </summary>
    public DateTimeOffset? Verify(string? challenge, string? nonce)
    {
        if (challenge is null || nonce is null || nonce.Length is 0 or > 20 || !nonce.All(char.IsAsciiDigit))
            return null;
        var expiresAt = tokens.IssuedAt(challenge, TokenPurpose.ProofOfWorkChallenge) + Options.ChallengeLifetime;
        if (expiresAt is null || expiresAt < clock.GetUtcNow())
            return null;
        return LeadingZeroBits(SHA256.HashData(Encoding.UTF8.GetBytes($"{challenge}:{nonce}"))) >= Difficulty ? expiresAt : null;
    }

    /// <summary>Uses up a verified challenge (one database write); false when it was used before.</summary>
    public Task<bool> TrySpendAsync(string challenge, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        tokens.TrySpendAsync(challenge, expiresAt, cancellationToken);

    public static int LeadingZeroBits(ReadOnlySpan<byte> hash)
    {
        var bits = 0;
        foreach (var value in hash)
        {
            if (value == 0)
            {
                bits += 8;
                continue;
            }
            return bits + System.Numerics.BitOperations.LeadingZeroCount((uint)value) - 24;
        }
        return bits;
    }
}
