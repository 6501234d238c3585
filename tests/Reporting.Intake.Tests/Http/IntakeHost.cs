using Reporting.Testing;

namespace Reporting.Intake.Tests.Http;

/// <summary>The real host with a light proof of work, so that tests can solve it quickly.</summary>
public class IntakeHost : ReportingHost
{
    public const int Difficulty = 6;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Intake:ProofOfWork:Difficulty"] = $"{Difficulty}";
        settings["Intake:Form:MinimumAge"] = "00:00:01";
    }
}
