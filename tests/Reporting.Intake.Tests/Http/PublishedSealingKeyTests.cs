using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;
using Reporting.CaseManagement.Keys;
using Reporting.Cryptography.Hpke;
using Reporting.Intake.Contracts;
using Reporting.Testing;

namespace Reporting.Intake.Tests.Http;

/// <summary>
/// <c>GET /api/intake/config</c> publishes the key reports are really sealed to: on the whole host, key custody's
/// current sealing key; with Intake alone, the configured one.
/// </summary>
public sealed class PublishedSealingKeyTests
{
    private static async Task<(string KeyId, byte[] PublicKey)> PublishedAsync(HttpClient client)
    {
        var config = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/intake/config", UriKind.Relative));
        var key = config.GetProperty("sealingKey");
        Assert.Equal(JsonValueKind.Object, key.ValueKind);
        var text = key.GetProperty("publicKey").GetString()!;
        Assert.Matches("^[A-Za-z0-9_-]{43}$", text);
        var bytes = Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/') + "=");
        Assert.Equal(32, bytes.Length);
        return (key.GetProperty("keyId").GetString()!, bytes);
    }

    public sealed class OnTheWholeHost(CaseFlowHost host) : IClassFixture<CaseFlowHost>
    {
        [Fact]
        public async Task The_config_publishes_the_office_key_a_client_can_seal_to_and_staff_open_what_is_sealed_to_it()
        {
            var (keyId, publicKey) = await PublishedAsync(host.Client);

            // As an outside client would: seal a data key to the published key with the contract's HPKE envelope.
            var office = host.Services.GetRequiredService<OfficeKeys>().Current(OfficeKeyPurpose.Sealing);
            Assert.Equal(office.KeyId, keyId);
            var recipient = PublicKey.Import(KeyAgreementAlgorithm.X25519, publicKey, KeyBlobFormat.RawPublicKey);
            var secret = Encoding.UTF8.GetBytes("a data key a client chose");
            var envelope = HpkeEnvelope.Seal(recipient, SealingInfo.DataKey, secret);
            Assert.True(HpkeEnvelope.TryOpen(office.Key, SealingInfo.DataKey, envelope, out var opened));
            Assert.Equal(secret, opened);

            // The server seals the report it is sent to that same published key, and the registrar reads it.
            var title = $"按公布的密钥封存 {Guid.NewGuid():N}";
            var receipt = await host.SubmitAsync(CaseFlowHost.Report(title));
            var caseId = Intake.Receipts.ReceiptKeys.CaseId(Intake.Receipts.ReceiptCode.Parse(receipt).Receipt!);
            await using (var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession())
            {
                var submitted = Assert.IsType<ReportSubmitted>((await session.Events.FetchStreamAsync(caseId))[0].Data);
                Assert.Equal(keyId, submitted.Report.SealingKeyId);
            }
            var detail = await host.GetJsonAsync("registrar1", $"/api/cases/{caseId}");
            Assert.Equal(title, detail.GetProperty("report").GetProperty("title").GetString());
            Assert.Equal("张三", detail.GetProperty("report").GetProperty("accused")[0].GetProperty("name").GetString());
        }
    }

    public sealed class WithIntakeAlone(IntakeAloneHost host) : IClassFixture<IntakeAloneHost>
    {
        [Fact]
        public async Task The_config_publishes_the_configured_key_whose_private_half_opens_what_the_host_sealed()
        {
            var (keyId, publicKey) = await PublishedAsync(host.Client);

            Assert.Equal(IntakeHost.OfficeKeyId, keyId);
            Assert.Equal(host.OfficeKey.PublicKey.Export(KeyBlobFormat.RawPublicKey), publicKey);
            var receipt = await IntakeClient.SubmitValidAsync(host.Client);
            var caseId = Intake.Receipts.ReceiptKeys.CaseId(Intake.Receipts.ReceiptCode.Parse(receipt).Receipt!);
            await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var submitted = Assert.IsType<ReportSubmitted>((await session.Events.FetchStreamAsync(caseId))[0].Data);
            Assert.Equal(keyId, submitted.Report.SealingKeyId);
            Assert.True(HpkeEnvelope.TryOpen(host.OfficeKey, SealingInfo.DataKey, submitted.Report.SealedDataKey, out _));
        }
    }

    /// <summary>As on an internet-facing host: <c>--modules intake</c> with a published key.</summary>
    public sealed class IntakeAloneHost : IntakeHost
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            base.Configure(settings);
            settings["Modules"] = "intake";
        }
    }
}
