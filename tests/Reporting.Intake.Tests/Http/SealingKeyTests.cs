using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reporting.Testing;

namespace Reporting.Intake.Tests.Http;

public sealed class SealingKeyTests
{
    /// <summary>No sealing key configured, in Production, Intake alone.</summary>
    public sealed class KeylessProductionHost : ReportingHost
    {
        protected override string Environment => "Production";

        /// <summary>Intake alone, as on an internet-facing host: the staff side would want its unlocked keys.</summary>
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Modules"] = "intake";
            settings["Intake:ProofOfWork:Difficulty"] = "0";
        }
    }

    /// <summary>No sealing key configured, in Development.</summary>
    /// <summary>Intake alone: no key custody in the host, and no sealing key configured.</summary>
    public sealed class KeylessDevelopmentHost : ReportingHost
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Intake:ProofOfWork:Difficulty"] = "0";
            settings["Modules"] = "intake";
        }
    }

    /// <summary>The whole host: key custody supplies the sealing key, so staff can open what informants send.</summary>
    public sealed class WholeDevelopmentHost : ReportingHost
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["Intake:ProofOfWork:Difficulty"] = "0";
    }

    public sealed class WithKeyCustody(WholeDevelopmentHost host) : IClassFixture<WholeDevelopmentHost>
    {
        [Fact]
        public async Task With_case_management_in_the_host_reports_are_sealed_to_the_office_key_of_key_custody()
        {
            var response = await IntakeClient.SubmitAsync(host.Client, IntakeClient.ValidReport(), null);

            var receipt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
            var caseId = Intake.Receipts.ReceiptKeys.CaseId(Intake.Receipts.ReceiptCode.Parse(receipt).Receipt!);
            await using var session = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<Marten.IDocumentStore>(host.Services).QuerySession();
            var submitted = Assert.IsType<Contracts.ReportSubmitted>((await session.Events.FetchStreamAsync(caseId))[0].Data);
            var keys = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<CaseManagement.Keys.OfficeKeys>(host.Services);
            Assert.Equal(keys.Current(CaseManagement.Keys.OfficeKeyPurpose.Sealing).KeyId, submitted.Report.SealingKeyId);
        }
    }

    public sealed class InProduction(KeylessProductionHost host) : IClassFixture<KeylessProductionHost>
    {
        [Fact]
        public async Task Without_an_office_key_a_report_is_refused_with_503_and_nothing_is_kept()
        {
            var response = await IntakeClient.SubmitAsync(host.Client, IntakeClient.ValidReport(), null);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        [Fact]
        public async Task Without_an_office_key_the_config_publishes_none()
        {
            var config = await host.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/intake/config", UriKind.Relative));

            Assert.Equal(JsonValueKind.Null, config.GetProperty("sealingKey").ValueKind);
        }
    }

    public sealed class InDevelopment(KeylessDevelopmentHost host) : IClassFixture<KeylessDevelopmentHost>
    {
        [Fact]
        public async Task Intake_alone_without_an_office_key_in_Development_seals_to_an_ephemeral_key_labelled_unreadable()
        {
            var response = await IntakeClient.SubmitAsync(host.Client, IntakeClient.ValidReport(), null);

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var receipt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
            var caseId = Intake.Receipts.ReceiptKeys.CaseId(Intake.Receipts.ReceiptCode.Parse(receipt).Receipt!);
            await using var session = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<Marten.IDocumentStore>(host.Services).QuerySession();
            var submitted = Assert.IsType<Contracts.ReportSubmitted>((await session.Events.FetchStreamAsync(caseId))[0].Data);
            Assert.Equal("development-only-ephemeral-unreadable", submitted.Report.SealingKeyId);
            var config = await host.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/intake/config", UriKind.Relative));
            Assert.Equal("development-only-ephemeral-unreadable", config.GetProperty("sealingKey").GetProperty("keyId").GetString());
        }
    }
}
