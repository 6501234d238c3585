using System.Security.Cryptography;
using System.Text;

namespace Reporting.CaseManagement.Staff.Totp;

/// <summary>Checks a code typed by a user against the current step and one step either side, for clock drift.</summary>
internal static class TotpVerification
{
    public const int AllowedDriftSteps = 1;

    /// <summary>
    /// The time step the code belongs to, or null when it matches none. A step at or before
    /// <paramref name="lastUsedStep"/> is never accepted again, so that each code is good once even inside its window.
    /// </summary>
    public static long? MatchingStep(ReadOnlySpan<byte> secret, string? code, DateTimeOffset now, long? lastUsedStep)
    {
        if (code is null || code.Length != TotpCode.Digits || !code.All(char.IsAsciiDigit))
            return null;
        var typed = Encoding.ASCII.GetBytes(code);
        var current = TotpCode.StepAt(now);
        long? matched = null;
        // Every candidate is computed and compared in constant time, so timing tells nothing about which step matched.
        for (var step = current - AllowedDriftSteps; step <= current + AllowedDriftSteps; step++)
        {
            var expected = Encoding.ASCII.GetBytes(TotpCode.Compute(secret, step));
            if (CryptographicOperations.FixedTimeEquals(expected, typed) && step > (lastUsedStep ?? long.MinValue))
                matched ??= step;
        }
        return matched;
    }
}
