using Reporting.Testing;

namespace Reporting.Intake.Tests.Http;

public sealed class OnionLocationTests(OnionLocationTests.OnionHost host) : IClassFixture<OnionLocationTests.OnionHost>
{
    public sealed class OnionHost : ReportingHost
    {
        public const string Onion = "http://reportingexampleonionaddressxxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion/";

        protected override void Configure(IDictionary<string, string?> settings) => settings["Intake:OnionLocation"] = Onion;
    }

    [Theory]
    [InlineData("/", "")]
    [InlineData("/status", "status")]
    public async Task Intake_pages_name_the_configured_onion_service_for_the_same_path(string path, string onionPath)
    {
        var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(OnionHost.Onion + onionPath, response.Headers.GetValues("Onion-Location").Single());
    }
}
