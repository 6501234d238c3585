using Microsoft.Extensions.Options;

namespace Reporting.Intake.Flood;

/// <summary>
/// Flood control for the portal's plain HTML forms, which cannot run proof of work without JavaScript and must not
/// identify anyone by address: each page carries a signed token that becomes valid only some seconds after it was
/// served (a person reads and types; a script posting at once is refused) and is good for one post.
/// </summary>
public sealed class FormThrottle(SignedTokens tokens, TimeProvider clock, IOptions<IntakeOptions> options)
{
    private FormTokenOptions Options => options.Value.Form;

    public string Issue() => tokens.Issue(TokenPurpose.PortalForm);

    /// <summary>
    /// For a post that only draws the form again (nothing stored): the same token while it is good, so it keeps its
    /// issue time and stays unspent for the real post; a fresh one when it is forged or has expired.
    /// </summary>
    public string Renew(string? token)
    {
        var issuedAt = tokens.IssuedAt(token, TokenPurpose.PortalForm);
        return issuedAt is not null && issuedAt + Options.Lifetime > clock.GetUtcNow() ? token! : Issue();
    }

    public async Task<FormTokenVerdict> SpendAsync(string? token, CancellationToken cancellationToken)
    {
        var issuedAt = tokens.IssuedAt(token, TokenPurpose.PortalForm);
        var now = clock.GetUtcNow();
        if (issuedAt is null || issuedAt + Options.Lifetime < now)
            return FormTokenVerdict.Invalid;
        // The token holds only the second it was issued in; counted from the end of that second, a post is never
        // accepted less than MinimumAge after the page was served.
        if (issuedAt.Value.AddSeconds(1) + Options.MinimumAge > now)
            return FormTokenVerdict.TooSoon;
        return await tokens.TrySpendAsync(token!, issuedAt.Value + Options.Lifetime, cancellationToken) ? FormTokenVerdict.Accepted : FormTokenVerdict.Invalid;
    }
}

public enum FormTokenVerdict
{
    Accepted,
    TooSoon,
    Invalid,
}
