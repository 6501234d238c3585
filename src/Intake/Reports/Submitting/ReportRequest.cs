namespace Reporting.Intake.Reports.Submitting;

/// <summary>The body of <c>POST /api/intake/reports</c>.</summary>
public sealed record SubmitReportRequest(Report? Report, ProofOfWorkAnswer? ProofOfWork);

/// <summary>The nonce found for a challenge from <c>POST /api/intake/challenges</c>.</summary>
public sealed record ProofOfWorkAnswer(string? Challenge, string? Nonce);

/// <summary>What the informant reports. Field names are the contract's.</summary>
public sealed record Report(
    IReadOnlyList<AccusedPerson>? Accused,
    IReadOnlyList<string>? Categories,
    string? Title,
    string? Details,
    DateOnly? OccurredFrom,
    DateOnly? OccurredTo,
    string? Location,
    RealNameInformant? Informant,
    string? Language);

public sealed record AccusedPerson(string? Name, string? Position, string? Organization, string? Rank, string? Region);

/// <summary>Present only for a real-name report; sealed in an envelope of its own.</summary>
public sealed record RealNameInformant(string? Name, string? Phone, string? Email, string? IdNumber, string? Address);
