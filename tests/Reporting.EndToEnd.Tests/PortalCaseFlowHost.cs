using Reporting.Testing;

namespace Reporting.EndToEnd.Tests;

/// <summary>The whole host, as <see cref="CaseFlowHost"/>, with a one-second delay before a portal form may be posted: the informant in a browser, the registrar over the API.</summary>
public sealed class PortalCaseFlowHost : CaseFlowHost
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Intake:Form:MinimumAge"] = "00:00:01";
    }
}
