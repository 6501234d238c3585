using Microsoft.AspNetCore.Http.HttpResults;

namespace Reporting.Intake.Flood;

/// <summary><c>POST /api/intake/challenges</c>: a fresh single-use challenge for the proof of work.</summary>
internal static class ChallengeEndpoint
{
    public static Created<ChallengeIssued> Handle(ProofOfWork proofOfWork)
    {
        var (challenge, expiresAt) = proofOfWork.IssueChallenge();
        return TypedResults.Created((string?)null, new ChallengeIssued(challenge, proofOfWork.Difficulty, expiresAt));
    }
}

public sealed record ChallengeIssued(string Challenge, int Difficulty, DateTimeOffset ExpiresAt);
