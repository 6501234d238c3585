using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Reporting.Intake.Flood;

namespace Reporting.Intake.Tests.Flood;

public sealed class ProofOfWorkTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ProofOfWork _proofOfWork;

    public ProofOfWorkTests()
    {
        var options = Options.Create(new IntakeOptions { ProofOfWork = { Difficulty = 8, ChallengeLifetime = TimeSpan.FromMinutes(5) } });
        _proofOfWork = new ProofOfWork(new SignedTokens(_clock, options, new RememberedTokens()), _clock, options);
    }

    public static string Solve(string challenge, int difficulty)
    {
        for (long nonce = 0; ; nonce++)
            if (ProofOfWork.LeadingZeroBits(SHA256.HashData(Encoding.UTF8.GetBytes($"{challenge}:{nonce}"))) >= difficulty)
                return nonce.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_right_answer_is_accepted_once()
    {
        var (challenge, _) = _proofOfWork.IssueChallenge();
        var nonce = Solve(challenge, 8);

        Assert.True(await _proofOfWork.TryAcceptAsync(challenge, nonce, CancellationToken.None));
        Assert.False(await _proofOfWork.TryAcceptAsync(challenge, nonce, CancellationToken.None));
    }

    [Fact]
    public async Task A_wrong_nonce_is_refused_and_does_not_use_up_the_challenge()
    {
        var (challenge, _) = _proofOfWork.IssueChallenge();
        var nonce = Solve(challenge, 8);
        var wrong = Enumerable.Range(0, 1000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .First(n => ProofOfWork.LeadingZeroBits(SHA256.HashData(Encoding.UTF8.GetBytes($"{challenge}:{n}"))) < 8);

        Assert.False(await _proofOfWork.TryAcceptAsync(challenge, wrong, CancellationToken.None));
        Assert.True(await _proofOfWork.TryAcceptAsync(challenge, nonce, CancellationToken.None));
    }

    [Fact]
    public async Task An_expired_challenge_is_refused()
    {
        var (challenge, expiresAt) = _proofOfWork.IssueChallenge();
        var nonce = Solve(challenge, 8);
        _clock.Advance(expiresAt - _clock.GetUtcNow() + TimeSpan.FromSeconds(1));

        Assert.False(await _proofOfWork.TryAcceptAsync(challenge, nonce, CancellationToken.None));
    }

    [Fact]
    public async Task A_challenge_this_server_did_not_issue_is_refused_however_much_work_went_into_it()
    {
        var (challenge, _) = _proofOfWork.IssueChallenge();
        var forged = challenge[..^2] + (challenge[^2] == 'A' ? "BA" : "AA");

        Assert.False(await _proofOfWork.TryAcceptAsync(forged, Solve(forged, 8), CancellationToken.None));
        Assert.False(await _proofOfWork.TryAcceptAsync("made-up", Solve("made-up", 8), CancellationToken.None));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1e3")]
    [InlineData("")]
    [InlineData("123456789012345678901")]
    public async Task A_nonce_that_is_not_a_short_decimal_number_is_refused(string nonce)
    {
        var (challenge, _) = _proofOfWork.IssueChallenge();

        Assert.False(await _proofOfWork.TryAcceptAsync(challenge, nonce, CancellationToken.None));
    }

    [Theory]
    [InlineData(new byte[] { 0x80 }, 0)]
    [InlineData(new byte[] { 0x01 }, 7)]
    [InlineData(new byte[] { 0x00, 0x00, 0x3F }, 18)]
    [InlineData(new byte[] { 0x00, 0x00 }, 16)]
    public void Leading_zero_bits_are_counted_from_the_first_byte(byte[] hash, int bits)
    {
        Assert.Equal(bits, ProofOfWork.LeadingZeroBits(hash));
    }
}
