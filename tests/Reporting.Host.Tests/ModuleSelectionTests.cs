using System.Net;
using Microsoft.Extensions.Configuration;
using Reporting.Testing;

namespace Reporting.Host.Tests;

public sealed class IntakeOnlyHost : ReportingHost
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Modules"] = "intake";
}

public sealed class ModuleSelectionTests(IntakeOnlyHost host) : IClassFixture<IntakeOnlyHost>
{
    [Fact]
    public async Task An_intake_only_host_serves_the_informant_surface_and_nothing_of_the_staff_or_public_ones()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync(new Uri("/staff", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync(new Uri("/notices", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData(null, true, true, true)]
    [InlineData("intake", true, false, false)]
    [InlineData("cases, disclosure", false, true, true)]
    [InlineData("INTAKE,cases", true, true, false)]
    public void Modules_are_read_from_configuration(string? configured, bool intake, bool cases, bool disclosure)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Modules"] = configured }).Build();

        Assert.Equal(new ModuleSelection(intake, cases, disclosure), ModuleSelection.From(configuration));
    }

    [Fact]
    public void An_unknown_module_is_refused_by_name()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Modules"] = "intake,payroll" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => ModuleSelection.From(configuration));

        Assert.Contains("payroll", error.Message, StringComparison.Ordinal);
    }
}
