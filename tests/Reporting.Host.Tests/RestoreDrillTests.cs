using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reporting.Storage.Shredding;
using Reporting.Testing;
using Xunit.Abstractions;

namespace Reporting.Host.Tests;

/// <summary>
/// The restore drill of docs/operations.md, run as an operator runs it: cases loaded through the real host (one with
/// an informant's file, one published, one shredded), the public log's checkpoint saved as an outsider would,
/// <c>reporting backup</c>, the database dropped, <c>reporting restore</c> into a new key file and attachment folder,
/// <c>reporting db roles</c>, <c>reporting verify</c>, and the restored database served by a new host process.
/// </summary>
public sealed class RestoreDrillTests(RestoreDrillTests.Drill drill, ITestOutputHelper output) : IClassFixture<RestoreDrillTests.Drill>
{
    public sealed class Drill : DisclosureHost
    {
        private string _keys = "";
        private string _attachments = "";
        private HostProcess? _restored;

        public List<string> Receipts { get; } = [];
        public (Guid CaseId, Guid AttachmentId, byte[] Bytes) Attachment { get; private set; }
        public Guid NoticeId { get; private set; }
        public Guid ShreddedCaseId { get; private set; }
        public string SavedCheckpoint { get; private set; } = "";
        public string Backup { get; private set; } = "";
        public string RestoredKeys { get; private set; } = "";
        public (int ExitCode, string Output) BackupRun { get; private set; }
        public (int ExitCode, string Output) RestoreRun { get; private set; }
        public (int ExitCode, string Output) RolesRun { get; private set; }
        public string RestoredLog => _restored?.Log ?? "";

        protected override void Configure(IDictionary<string, string?> settings)
        {
            base.Configure(settings);
            _keys = settings["Keys:File"]!;
            _attachments = settings["Intake:Limits:AttachmentDirectory"]!;
        }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await LoadAsync();
            SavedCheckpoint = Path.Combine(TestCluster.NewFolder(), "checkpoint");
            await File.WriteAllTextAsync(SavedCheckpoint, await Client.GetStringAsync(new Uri("/notices-log/checkpoint", UriKind.Relative)));
            await StopAsync();

            Backup = Path.Combine(TestCluster.NewFolder(), "backup");
            BackupRun = await HostProcess.RunAsync("backup", "--out", Backup, Owner, $"--Keys:File={_keys}", $"--Intake:Limits:AttachmentDirectory={_attachments}");
            Assert.True(BackupRun.ExitCode == 0, BackupRun.Output);

            await DropAsync();

            var restoredFolder = TestCluster.NewFolder();
            RestoredKeys = Path.Combine(restoredFolder, "keys", "office-keys.json");
            var restoredAttachments = Path.Combine(restoredFolder, "attachments");
            RestoreRun = await HostProcess.RunAsync("restore", "--from", Backup, Owner, $"--Keys:File={RestoredKeys}", $"--Intake:Limits:AttachmentDirectory={restoredAttachments}");
            Assert.True(RestoreRun.ExitCode == 0, RestoreRun.Output);
            RolesRun = await HostProcess.RunAsync("db", "roles", "--prefix", Name, "--passwords", Path.Combine(restoredFolder, "passwords"), Owner);
            Assert.True(RolesRun.ExitCode == 0, RolesRun.Output);

            _restored = await HostProcess.ServeAsync(ConnectionString, "restored", RestoredKeys, "--Database:MigrateOnStartup=false",
                $"--Intake:Limits:AttachmentDirectory={restoredAttachments}", "--Intake:Attachments:AllowUncleaned:text/plain=true", "--Intake:Flood:BurstSize=100000");
            BaseAddress = _restored.BaseAddress;
            Client = new HttpClient { BaseAddress = BaseAddress };
            ForgetTokens();
        }

        public string Owner => $"--ConnectionStrings:Reporting={ConnectionString}";

        /// <summary>Cases at several stages: anonymous and real-name, one with a file, one closed and published, one shredded.</summary>
        private async Task LoadAsync()
        {
            for (var i = 0; i < 3; i++)
                Receipts.Add((await NewCaseAsync(realName: i == 1)).Receipt);

            var (receipt, caseId) = await NewCaseAsync();
            Receipts.Add(receipt);
            var bytes = Encoding.UTF8.GetBytes("转账记录：2026年1月15日 50000元");
            var form = new MultipartFormDataContent { { new StringContent(receipt), "receipt" }, { new ByteArrayContent(bytes), "file", "转账记录.txt" } };
            var uploaded = await Client.PostAsync(new Uri("/api/intake/attachments", UriKind.Relative), form);
            Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
            Attachment = (caseId, (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attachmentId").GetGuid(), bytes);

            var (closedReceipt, closedCase) = await this.ClosedDecidedCaseAsync();
            Receipts.Add(closedReceipt);
            NoticeId = await DraftAsync(SanctionDraft(closedCase));
            await NoticeActAsync("approver1", NoticeId, "approve", new { comment = "同意发布" });
            await NoticeActAsync("publisher1", NoticeId, "publish");

            var (shreddedReceipt, shreddedCase) = await this.RegisteredCaseAsync(realName: true);
            Receipts.Add(shreddedReceipt);
            ShreddedCaseId = shreddedCase;
            Assert.NotEmpty((await GetJsonAsync("supervisor1", $"/api/cases/{shreddedCase}")).GetProperty("accused").EnumerateArray());
            await using var session = Services.GetRequiredService<IDocumentStore>().LightweightSession();
            await Services.GetRequiredService<StreamShredder>().ShredAsync(session, shreddedCase);
            await session.SaveChangesAsync();
        }

        public async Task<T> ScalarAsync<T>(string sql)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return (T)(await command.ExecuteScalarAsync())!;
        }

        public override async Task DisposeAsync()
        {
            if (_restored is not null)
                await _restored.DisposeAsync();
            await base.DisposeAsync();
        }
    }

    [Fact]
    public void The_backup_holds_the_dump_the_wrapped_key_file_the_sealed_file_and_their_checksums_and_nothing_readable_by_others()
    {
        output.WriteLine(drill.BackupRun.Output);
        output.WriteLine(drill.RestoreRun.Output);
        var files = Directory.EnumerateFiles(drill.Backup, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(drill.Backup, file)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["SHA256SUMS", "database.dump", "keys/office-keys.json", "manifest.json"], files.Where(file => !file.StartsWith("attachments/", StringComparison.Ordinal)));
        Assert.Single(files, file => file.StartsWith("attachments/", StringComparison.Ordinal) && file.EndsWith(".sealed", StringComparison.Ordinal));
        Assert.All(files, file => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(drill.Backup, file))));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(drill.Backup));
        var sealedBytes = File.ReadAllBytes(Path.Combine(drill.Backup, files.Single(file => file.StartsWith("attachments/", StringComparison.Ordinal))));
        Assert.DoesNotContain("转账记录", Encoding.UTF8.GetString(sealedBytes), StringComparison.Ordinal);
        Assert.DoesNotContain(CaseFlowHost.DevelopmentPassword, File.ReadAllText(Path.Combine(drill.Backup, "keys/office-keys.json")), StringComparison.Ordinal);
        Assert.Contains("1 shredded", drill.BackupRun.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_restored_database_passes_verify()
    {
        var verify = await HostProcess.RunAsync("verify", drill.Owner, $"--Keys:File={drill.RestoredKeys}");

        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.Contains("Intact", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_receipt_still_opens_its_report_on_the_restored_host()
    {
        foreach (var receipt in drill.Receipts)
        {
            var status = await drill.InformantStatusAsync(receipt);
            Assert.False(string.IsNullOrEmpty(status.GetProperty("stage").GetString()));
        }
        Assert.Equal(6, drill.Receipts.Distinct().Count());
    }

    [Fact]
    public async Task The_informants_file_downloads_with_the_same_bytes_from_the_restored_host()
    {
        var (caseId, attachmentId, bytes) = drill.Attachment;

        var download = await drill.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}/attachments/{attachmentId}", "registrar1");

        Assert.True(download.StatusCode == HttpStatusCode.OK, $"{(int)download.StatusCode} {await download.Content.ReadAsStringAsync()}\n{drill.RestoredLog}");
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_published_notice_and_the_log_saved_before_the_backup_still_verify_from_outside()
    {
        var verify = await HostProcess.RunAsync("disclosure", "verify", "--from", drill.BaseAddress.ToString(), "--checkpoint", drill.SavedCheckpoint);
        var notice = await drill.PublicJsonAsync($"/api/notices/{drill.NoticeId}");

        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.Equal(1, notice.GetProperty("versions").GetArrayLength());
    }

    [Fact]
    public async Task A_stream_shredded_before_the_backup_stays_unreadable_after_the_restore()
    {
        var detail = await drill.GetJsonAsync("supervisor1", $"/api/cases/{drill.ShreddedCaseId}");

        Assert.Empty(detail.GetProperty("accused").EnumerateArray());
        Assert.True(await drill.ScalarAsync<bool>($"SELECT data_key IS NULL AND shredded_at IS NOT NULL FROM reporting.stream_keys WHERE stream = '{drill.ShreddedCaseId}'"));
        Assert.Equal(1L, await drill.ScalarAsync<long>("SELECT count(*) FROM reporting.stream_keys WHERE data_key IS NULL"));
    }

    [Fact]
    public async Task The_row_security_left_out_of_the_dump_is_made_again_by_db_roles()
    {
        var policies = await drill.ScalarAsync<long>("SELECT count(*) FROM pg_policies WHERE schemaname = 'reporting'");

        Assert.True(policies > 0, drill.RolesRun.Output);
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_before_anything_is_written()
    {
        var damaged = Path.Combine(TestCluster.NewFolder(), "damaged");
        foreach (var file in Directory.EnumerateFiles(drill.Backup, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(damaged, Path.GetRelativePath(drill.Backup, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        var dump = Path.Combine(damaged, "database.dump");
        var bytes = await File.ReadAllBytesAsync(dump);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(dump, bytes);
        var target = new NpgsqlConnectionStringBuilder(drill.ConnectionString) { Database = $"{drill.Name}_damaged" }.ConnectionString;
        var keys = Path.Combine(TestCluster.NewFolder(), "office-keys.json");

        var restore = await HostProcess.RunAsync("restore", "--from", damaged, $"--ConnectionStrings:Reporting={target}", $"--Keys:File={keys}");

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("database.dump", restore.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", restore.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(keys));
        Assert.Equal(0L, await drill.ScalarAsync<long>($"SELECT count(*) FROM pg_database WHERE datname = '{drill.Name}_damaged'"));
    }

    [Fact]
    public async Task A_restore_over_a_database_that_has_the_schema_is_refused_and_changes_nothing()
    {
        var events = await drill.ScalarAsync<long>("SELECT count(*) FROM reporting.mt_events");
        var keys = Path.Combine(TestCluster.NewFolder(), "office-keys.json");

        var restore = await HostProcess.RunAsync("restore", "--from", drill.Backup, drill.Owner, $"--Keys:File={keys}");

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("has a schema", restore.Output, StringComparison.Ordinal);
        Assert.Equal(events, await drill.ScalarAsync<long>("SELECT count(*) FROM reporting.mt_events"));
        Assert.False(File.Exists(keys));
    }
}
