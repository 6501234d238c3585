using Microsoft.Extensions.Options;
using Reporting.Intake.Flood;

namespace Reporting.Intake.Tests.Flood;

public sealed class FormThrottleTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly FormThrottle _throttle;
    private readonly SignedTokens _tokens;

    public FormThrottleTests()
    {
        var options = Options.Create(new IntakeOptions { Form = { MinimumAge = TimeSpan.FromSeconds(5), Lifetime = TimeSpan.FromHours(1) } });
        _tokens = new SignedTokens(_clock, options, new RememberedTokens());
        _throttle = new FormThrottle(_tokens, _clock, options);
    }

    [Fact]
    public async Task A_form_posted_at_once_is_too_soon_and_stays_usable_later()
    {
        var token = _throttle.Issue();

        Assert.Equal(FormTokenVerdict.TooSoon, await _throttle.SpendAsync(token, CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(FormTokenVerdict.Accepted, await _throttle.SpendAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task A_form_served_at_the_end_of_a_second_is_still_too_soon_until_the_whole_minimum_age_has_passed()
    {
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        var token = _throttle.Issue();
        _clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));

        Assert.Equal(FormTokenVerdict.TooSoon, await _throttle.SpendAsync(token, CancellationToken.None));
        _clock.Advance(TimeSpan.FromMilliseconds(2));
        Assert.Equal(FormTokenVerdict.Accepted, await _throttle.SpendAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task A_form_token_is_good_once()
    {
        var token = _throttle.Issue();
        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(FormTokenVerdict.Accepted, await _throttle.SpendAsync(token, CancellationToken.None));
        Assert.Equal(FormTokenVerdict.Invalid, await _throttle.SpendAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task An_old_forged_or_missing_token_is_invalid()
    {
        var token = _throttle.Issue();
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        Assert.Equal(FormTokenVerdict.Invalid, await _throttle.SpendAsync(token, CancellationToken.None));
        Assert.Equal(FormTokenVerdict.Invalid, await _throttle.SpendAsync(null, CancellationToken.None));
        Assert.Equal(FormTokenVerdict.Invalid, await _throttle.SpendAsync("AAAA", CancellationToken.None));
    }

    [Fact]
    public async Task A_proof_of_work_challenge_is_not_a_form_token()
    {
        var challenge = _tokens.Issue(TokenPurpose.ProofOfWorkChallenge);
        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(FormTokenVerdict.Invalid, await _throttle.SpendAsync(challenge, CancellationToken.None));
    }
}
