using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;
using Reporting.Disclosure.Canonical;
using Reporting.Disclosure.TransparencyLog;
using Reporting.Testing;

namespace Reporting.Disclosure.Tests.Http;

/// <summary>
/// Notices over HTTP, as publishers, approvers and the public use them: drafted only from a case at the right stage and
/// never naming its informant, approved by someone who did not write them, published signed and logged, corrected
/// and withdrawn as new versions, and checkable from the answers alone.
/// </summary>
public sealed class NoticePublishingOverHttpTests(DisclosureHost host) : IClassFixture<DisclosureHost>
{
    [Fact]
    public async Task A_published_notice_is_signed_over_its_canonical_bytes_and_proved_into_a_signed_checkpoint()
    {
        var (noticeId, _) = await host.PublishedSanctionAsync();

        var published = await host.PublicJsonAsync($"/api/notices/{noticeId}");
        var keys = await host.PublicJsonAsync("/api/notices/keys");

        var bytes = await host.Client.GetByteArrayAsync(new Uri($"/notices/{noticeId}/v1.json", UriKind.Relative));
        Assert.Equal(bytes, CanonicalJson.Canonicalize(published.GetProperty("notice")));
        var signature = published.GetProperty("signature");
        Assert.Equal("Ed25519", signature.GetProperty("algorithm").GetString());
        var noticeKey = keys.GetProperty("notice").EnumerateArray().Single(key => key.GetProperty("keyId").GetString() == signature.GetProperty("keyId").GetString());
        var publicKey = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(noticeKey.GetProperty("publicKey").GetString()!), KeyBlobFormat.RawPublicKey);
        Assert.True(SignatureAlgorithm.Ed25519.Verify(publicKey, bytes, Convert.FromBase64String(signature.GetProperty("value").GetString()!)));

        var record = Convert.FromBase64String(published.GetProperty("record").GetString()!);
        using var recordJson = JsonDocument.Parse(record);
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(bytes)), recordJson.RootElement.GetProperty("contentSha256").GetString());
        Assert.Equal("notice", recordJson.RootElement.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, recordJson.RootElement.GetProperty("previous").ValueKind);
        Assert.DoesNotContain("张三", Encoding.UTF8.GetString(record));

        var logKeys = keys.GetProperty("log").EnumerateArray().Select(key => NoteVerifierKey.Parse(key.GetProperty("vkey").GetString()!)).ToList();
        var proof = TlogProof.Parse(published.GetProperty("tlogProof").GetString()!);
        var (note, _) = SignedNote.Open(proof.CheckpointNote, logKeys);
        var checkpoint = Checkpoint.Parse(note.Text);
        Assert.Equal(record, proof.Extra);
        Assert.True(InclusionProof.Verify(proof.Index, checkpoint.Size, MerkleTree.LeafHash(record), proof.InclusionProof, checkpoint.RootHash));
        Assert.Equal(published.GetProperty("checkpoint").GetString(), proof.CheckpointNote);
        var head = await host.Client.GetStringAsync(new Uri("/notices-log/checkpoint", UriKind.Relative));
        Assert.Equal(Checkpoint.Parse(SignedNote.Open(head, logKeys).Note.Text).Size, checkpoint.Size);
    }

    [Fact]
    public async Task A_notice_is_drafted_only_from_a_case_at_the_stage_its_kind_needs()
    {
        var (_, open) = await host.InvestigatingCaseAsync();
        var (_, closedWithoutDecision) = await host.AcceptedCaseAsync();
        await host.DisposedAsync(closedWithoutDecision, "close-no-action");
        await host.ActAsync("supervisor1", closedWithoutDecision, "close", new { outcomeForInformant = "经研究，予以了结。" });

        var forOpen = await host.SendAsync(HttpMethod.Post, "/api/notices", "publisher1", DisclosureHost.SanctionDraft(open));
        var forUndecided = await host.SendAsync(HttpMethod.Post, "/api/notices", "publisher1", DisclosureHost.SanctionDraft(closedWithoutDecision));
        var forNoCase = await host.SendAsync(HttpMethod.Post, "/api/notices", "publisher1", DisclosureHost.SanctionDraft(Guid.NewGuid()));
        var clarificationUncleared = await host.SendAsync(HttpMethod.Post, "/api/notices", "publisher1",
            new { caseId = open, kind = "clarification", headline = "澄清", body = "澄清正名", subject = new { name = "张三" } });
        var caseFiled = await host.SendAsync(HttpMethod.Post, "/api/notices", "publisher1",
            new { caseId = open, kind = "case-filed", headline = "某市某局局长张三接受纪律审查和监察调查", body = "据市纪委监委消息，张三涉嫌严重违纪违法，目前正接受纪律审查和监察调查。", subject = new { name = "张三", formerPosition = "局长", organization = "某市某局" } });

        Assert.Equal(HttpStatusCode.Conflict, forOpen.StatusCode);
        Assert.Contains("closed with a decision", await forOpen.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, forUndecided.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forNoCase.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, clarificationUncleared.StatusCode);
        Assert.Equal(HttpStatusCode.Created, caseFiled.StatusCode);
    }

    [Fact]
    public async Task A_clarification_is_published_for_a_cleared_name_with_its_own_record_kind()
    {
        var (_, caseId) = await host.AcceptedCaseAsync(realName: true);
        await host.DisposedAsync(caseId, "close-no-action");
        await host.ActAsync("registrar1", caseId, "close", new { outcomeForInformant = "经研究，予以了结。" });
        await host.ActAsync("supervisor2", caseId, "propose-clarification", new { statement = "经查，反映张三的问题不属实，予以澄清正名。" });
        await host.ActAsync("approver2", caseId, "approve", new { comment = "同意澄清" });
        var prefill = await host.GetJsonAsync("publisher1", $"/api/notices/prefill?caseId={caseId}&kind=clarification");

        var noticeId = await host.DraftAsync(new
        {
            caseId, kind = "clarification", headline = prefill.GetProperty("headline").GetString(),
            body = "经查，反映某市某局局长张三违规收受礼金的问题不属实，现予以澄清正名。",
            subject = new { name = "张三", formerPosition = "局长", organization = "某市某局" },
        });
        await host.NoticeActAsync("approver1", noticeId, "approve");
        await host.NoticeActAsync("publisher1", noticeId, "publish");

        var published = await host.PublicJsonAsync($"/api/notices/{noticeId}");
        Assert.Equal("关于为某市某局原局长张三澄清正名的通报", prefill.GetProperty("headline").GetString());
        Assert.Equal("clarification", published.GetProperty("notice").GetProperty("kind").GetString());
        using var record = JsonDocument.Parse(Convert.FromBase64String(published.GetProperty("record").GetString()!));
        Assert.Equal("clarification", record.RootElement.GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("举报人李四反映，张三多次收受礼金。")]
    [InlineData("经群众（电话 138 0000 0000）反映，张三多次收受礼金。")]
    public async Task A_draft_that_names_the_informant_is_refused_and_says_which_field_without_its_value(string body)
    {
        var (_, caseId) = await host.ClosedDecidedCaseAsync(realName: true);

        var response = await host.SendAsync(HttpMethod.Post, "/api/notices", "publisher1", DisclosureHost.SanctionDraft(caseId, body: body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("informant", problem);
        Assert.DoesNotContain("13800000000", problem);
        var drafts = await host.GetJsonAsync("publisher1", "/api/notices/drafts");
        Assert.DoesNotContain(drafts.EnumerateArray(), draft => draft.GetProperty("caseId").GetGuid() == caseId);
    }

    [Fact]
    public async Task Nobody_approves_a_notice_they_drafted_and_each_role_is_refused_the_others_actions()
    {
        var (_, caseId) = await host.ClosedDecidedCaseAsync();
        var noticeId = await host.DraftAsync(DisclosureHost.SanctionDraft(caseId), DisclosureHost.PublisherWhoApproves);

        var selfApproval = await host.SendAsync(HttpMethod.Post, $"/api/notices/{noticeId}/actions/approve", DisclosureHost.PublisherWhoApproves, new { });
        var publisherApproves = await host.SendAsync(HttpMethod.Post, $"/api/notices/{noticeId}/actions/approve", "publisher1", new { });
        var approverPublishes = await host.SendAsync(HttpMethod.Post, $"/api/notices/{noticeId}/actions/publish", "approver1", new { });
        var unapprovedPublish = await host.SendAsync(HttpMethod.Post, $"/api/notices/{noticeId}/actions/publish", "publisher1", new { });
        var registrarDrafts = await host.SendAsync(HttpMethod.Post, "/api/notices", "registrar1", DisclosureHost.SanctionDraft(caseId));
        var anonymousDrafts = await host.SendAsync(HttpMethod.Post, "/api/notices", null, DisclosureHost.SanctionDraft(caseId));
        var reviewerReadsDrafts = await host.SendAsync(HttpMethod.Get, "/api/notices/drafts", "reviewer1");
        var approverPrefills = await host.SendAsync(HttpMethod.Get, $"/api/notices/prefill?caseId={caseId}", "approver1");
        var registrarReadsDraft = await host.SendAsync(HttpMethod.Get, $"/api/notices/{noticeId}/staff", "registrar1");
        var auditorRevises = await host.SendAsync(HttpMethod.Post, $"/api/notices/{noticeId}/actions/revise", "auditor1", DisclosureHost.SanctionDraft(caseId));

        Assert.Equal(HttpStatusCode.Forbidden, selfApproval.StatusCode);
        Assert.Contains("drafted", await selfApproval.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, publisherApproves.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, approverPublishes.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, unapprovedPublish.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, registrarDrafts.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousDrafts.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reviewerReadsDrafts.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, approverPrefills.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, registrarReadsDraft.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, auditorRevises.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync(new Uri($"/api/notices/{noticeId}", UriKind.Relative))).StatusCode);

        var approved = await host.NoticeActAsync("approver1", noticeId, "approve");
        Assert.Equal("approved", approved.GetProperty("draft").GetProperty("status").GetString());
        var audit = await host.GetJsonAsync("auditor1", $"/api/audit?caseId={caseId}");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), entry => entry.GetProperty("action").GetString() == "notice-action:approve"
            && entry.GetProperty("outcome").GetString() == "refused" && entry.GetProperty("username").GetString() == DisclosureHost.PublisherWhoApproves);
    }

    [Fact]
    public async Task A_correction_and_a_withdrawal_are_new_versions_linked_to_the_one_before_and_nothing_follows_a_withdrawal()
    {
        var (noticeId, _) = await host.PublishedSanctionAsync();
        var first = await host.PublicJsonAsync($"/api/notices/{noticeId}");
        var firstBytes = await host.Client.GetByteArrayAsync(new Uri($"/notices/{noticeId}/v1.json", UriKind.Relative));

        var corrected = DisclosureHost.SanctionDraft(Guid.Empty, headline: "某市某局原局长张三受到党内严重警告处分（更正）");
        await host.NoticeActAsync("publisher1", noticeId, "correct", Merge(corrected, new { reason = "更正法规条款" }));
        await host.NoticeActAsync("approver1", noticeId, "approve");
        await host.NoticeActAsync("publisher1", noticeId, "publish");
        await host.NoticeActAsync("publisher1", noticeId, "withdraw", new { reason = "原处分决定经复审撤销" });
        await host.NoticeActAsync("approver2", noticeId, "approve");
        var withdrawn = await host.NoticeActAsync("publisher1", noticeId, "publish");
        var afterWithdrawal = await host.SendAsync(HttpMethod.Post, $"/api/notices/{noticeId}/actions/correct", "publisher1", Merge(corrected, new { reason = "再更正" }));

        Assert.True(withdrawn.GetProperty("withdrawn").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, afterWithdrawal.StatusCode);
        var history = await host.PublicJsonAsync($"/api/notices/{noticeId}");
        var versions = history.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(["notice", "correction", "withdrawal"], versions.Select(v => v.GetProperty("kind").GetString()));
        Assert.Equal(firstBytes, await host.Client.GetByteArrayAsync(new Uri($"/notices/{noticeId}/v1.json", UriKind.Relative)));
        Assert.Equal(first.GetProperty("record").GetString(), versions[0].GetProperty("record").GetString());
        for (var i = 1; i < versions.Count; i++)
        {
            using var record = JsonDocument.Parse(Convert.FromBase64String(versions[i].GetProperty("record").GetString()!));
            var previous = record.RootElement.GetProperty("previous");
            Assert.Equal(versions[i - 1].GetProperty("logIndex").GetInt64(), previous.GetProperty("index").GetInt64());
            Assert.Equal(versions[i - 1].GetProperty("leafHash").GetString(), previous.GetProperty("leafHash").GetString());
            Assert.Equal(i + 1, record.RootElement.GetProperty("version").GetInt32());
        }
        Assert.Equal("withdrawal", history.GetProperty("notice").GetProperty("kind").GetString());
        Assert.Equal(2, history.GetProperty("notice").GetProperty("withdraws").GetInt32());
    }

    [Fact]
    public async Task Chinese_text_is_found_by_a_two_character_word_of_its_body_and_not_by_one_it_lacks()
    {
        var marker = "翡翠";
        var (noticeId, _) = await host.PublishedSanctionAsync(body: $"经查，张三收受{marker}手镯一只，违反廉洁纪律。");

        var found = await host.PublicJsonAsync($"/api/notices?q={Uri.EscapeDataString(marker)}");
        var phrase = await host.PublicJsonAsync($"/api/notices?q={Uri.EscapeDataString("收受" + marker + "手镯")}");
        var absent = await host.PublicJsonAsync($"/api/notices?q={Uri.EscapeDataString("玛瑙")}");
        var apart = await host.PublicJsonAsync($"/api/notices?q={Uri.EscapeDataString("翠手镯收")}");

        Assert.Contains(found.GetProperty("items").EnumerateArray(), item => item.GetProperty("noticeId").GetGuid() == noticeId);
        Assert.Contains(phrase.GetProperty("items").EnumerateArray(), item => item.GetProperty("noticeId").GetGuid() == noticeId);
        Assert.DoesNotContain(absent.GetProperty("items").EnumerateArray(), item => item.GetProperty("noticeId").GetGuid() == noticeId);
        Assert.DoesNotContain(apart.GetProperty("items").EnumerateArray(), item => item.GetProperty("noticeId").GetGuid() == noticeId);
    }

    [Fact]
    public async Task Consistency_proofs_between_any_two_signed_sizes_verify_and_every_checkpoint_stays_served()
    {
        await host.PublishedSanctionAsync();
        var old = await host.Client.GetStringAsync(new Uri("/notices-log/checkpoint", UriKind.Relative));
        await host.PublishedSanctionAsync();
        await host.PublishedSanctionAsync();
        var keys = await host.PublicJsonAsync("/api/notices/keys");
        var logKeys = keys.GetProperty("log").EnumerateArray().Select(key => NoteVerifierKey.Parse(key.GetProperty("vkey").GetString()!)).ToList();
        var oldCheckpoint = Checkpoint.Parse(SignedNote.Open(old, logKeys).Note.Text);
        var newCheckpoint = Checkpoint.Parse(SignedNote.Open(await host.Client.GetStringAsync(new Uri("/notices-log/checkpoint", UriKind.Relative)), logKeys).Note.Text);

        var consistency = await host.PublicJsonAsync($"/api/notices/log/consistency?from={oldCheckpoint.Size}&to={newCheckpoint.Size}");
        var proof = consistency.GetProperty("proof").EnumerateArray().Select(hash => Convert.FromBase64String(hash.GetString()!)).ToList();

        Assert.True(ConsistencyProof.Verify(oldCheckpoint.Size, newCheckpoint.Size, oldCheckpoint.RootHash, newCheckpoint.RootHash, proof));
        Assert.Equal(old, await host.Client.GetStringAsync(new Uri($"/notices-log/checkpoints/{oldCheckpoint.Size}", UriKind.Relative)));
        var tampered = proof.Select(hash => hash.ToArray()).ToList();
        tampered[0][0] ^= 1;
        Assert.False(ConsistencyProof.Verify(oldCheckpoint.Size, newCheckpoint.Size, oldCheckpoint.RootHash, newCheckpoint.RootHash, tampered));
    }

    private static Dictionary<string, object?> Merge(object first, object second)
    {
        var merged = JsonSerializer.SerializeToElement(first).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        foreach (var property in JsonSerializer.SerializeToElement(second).EnumerateObject())
            merged[property.Name] = property.Value;
        return merged;
    }
}
