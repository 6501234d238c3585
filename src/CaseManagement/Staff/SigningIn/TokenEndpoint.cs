using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Reporting.CaseManagement.Staff.Authorization;
using Reporting.CaseManagement.Staff.Passwords;

namespace Reporting.CaseManagement.Staff.SigningIn;

/// <summary><c>POST /api/auth/token</c>: username, password and TOTP code for an ES256 access token; 401 with one message for every failure.</summary>
internal static class TokenEndpoint
{
    public sealed record TokenRequest(string? Username, string? Password, string? Totp);

    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

    public sealed class Validator : AbstractValidator<TokenRequest>
    {
        public Validator()
        {
            RuleFor(request => request.Username).NotEmpty().MaximumLength(64);
            RuleFor(request => request.Password).NotEmpty().MaximumLength(PasswordPolicy.MaximumLength);
            RuleFor(request => request.Totp).MaximumLength(16);
        }
    }

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/auth/token", HandleAsync).WithTags("Staff").AllowAnonymous()
            .WithDescription("Body: { username, password, totp } as JSON. Any failure, a malformed body included, is 401 with one message.");

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> HandleAsync(HttpRequest http, SignIn signIn, CancellationToken cancellationToken)
    {
        // A malformed request is a failed login like any other, down to unreadable JSON: no answer may tell an attacker
        // which part was wrong. The body is read here rather than bound, since binding failures would answer 400.
        TokenRequest? request;
        try
        {
            request = http.HasJsonContentType() ? await http.ReadFromJsonAsync<TokenRequest>(cancellationToken) : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a charset .NET knows no encoding for ("application/json; charset=x-evil").
            request = null;
        }
        if (request is null || !(await new Validator().ValidateAsync(request, cancellationToken)).IsValid)
            return StaffProblems.LoginFailed();
        var token = await signIn.AttemptAsync(request.Username!, request.Password!, request.Totp, cancellationToken);
        return token is null
            ? StaffProblems.LoginFailed()
            : TypedResults.Ok(new TokenResponse(token.AccessToken, "Bearer", token.ExpiresIn));
    }
}
