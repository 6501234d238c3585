using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Reporting.Intake.Attachments.Adding;
using Reporting.Intake.Attachments.Cleaning;
using Reporting.Intake.Receipts;

namespace Reporting.Intake.Bench;

/// <summary>
/// Attachments through the real host: each client uploads the mix's files in turn to a report of its own, once
/// through the cleaning door (<c>POST /api/intake/attachments</c>: type from the bytes, mat2 in bubblewrap, sealed)
/// and once raw to the bench's own endpoint (the same multipart reading and sealing, no cleaning), side by side.
/// </summary>
internal static class AttachmentLoad
{
    public static async Task RunAsync(HttpClient client, AttachmentMix mix, int clients, TimeSpan duration)
    {
        var receipts = new string[clients];
        for (var index = 0; index < clients; index++)
            receipts[index] = await SubmitReportAsync(client);

        Func<Task> Uploads(string path)
        {
            var next = 0;
            return async () =>
            {
                var turn = Interlocked.Increment(ref next);
                var (name, contentType, bytes) = mix.Files[turn % mix.Files.Count];
                using var form = new MultipartFormDataContent { { new StringContent(receipts[turn % clients]), "receipt" } };
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                form.Add(file, "file", name);
                using var response = await client.PostAsync(new Uri(path, UriKind.Relative), form);
                if (response.StatusCode != HttpStatusCode.Created)
                    throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} for {name}: {await response.Content.ReadAsStringAsync()}");
            };
        }

        // One round of each first, so that mat2, Python and the JIT are warm on both sides.
        await Load.RunAsync(clients, TimeSpan.FromSeconds(5), Uploads("/api/intake/attachments"));
        await Load.RunAsync(clients, TimeSpan.FromSeconds(5), Uploads("/bench/raw-attachment"));
        var cleaned = await Load.RunAsync(clients, duration, Uploads("/api/intake/attachments"));
        var raw = await Load.RunAsync(clients, duration, Uploads("/bench/raw-attachment"));

        var sizes = string.Join(", ", mix.Files.Select(file => $"{file.Name} {file.Bytes.Length / 1e6:F1} MB"));
        Console.WriteLine($"attachments: {clients} clients, {duration.TotalSeconds:F0} s each; the mix: {sizes}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cleaned and sealed: {cleaned.PerSecond:F2} files/s, p50 {cleaned.P50:F0} ms, p99 {cleaned.P99:F0} ms ({cleaned.Operations} files)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw, sealed only:   {raw.PerSecond:F2} files/s, p50 {raw.P50:F0} ms, p99 {raw.P99:F0} ms ({raw.Operations} files)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT attachments files_per_s={cleaned.PerSecond:F2} p50_ms={cleaned.P50:F0} ratio_vs_raw={cleaned.PerSecond / raw.PerSecond:F3} raw_files_per_s={raw.PerSecond:F2} raw_p50_ms={raw.P50:F0}"));
    }

    public static async Task<IResult> RawUpload(HttpRequest request, IAttachmentStore store, IOptions<IntakeOptions> options, CancellationToken cancellationToken)
    {
        var upload = await MultipartUpload.ReadAsync(request, options.Value.Limits.MaxFileBytes, cancellationToken);
        if (ReceiptCode.Parse(upload.Fields.GetValueOrDefault("receipt")).Receipt is not { } receipt || upload.File is not { } file)
            return TypedResults.BadRequest();
        var kind = FileKinds.Detect(file);
        var result = await store.AddAsync(receipt, upload.FileName ?? "attachment", new CleanedAttachment(file, kind?.ContentType ?? "application/octet-stream", [], MayIdentify: false), cancellationToken);
        return result.Outcome == AttachmentOutcome.Kept ? TypedResults.Created() : TypedResults.Problem(statusCode: 409);
    }

    private static async Task<string> SubmitReportAsync(HttpClient client)
    {
        var body = new JsonObject
        {
            ["report"] = new JsonObject
            {
                ["accused"] = new JsonArray(new JsonObject { ["name"] = "张三", ["position"] = "局长", ["organization"] = "某市交通运输局" }),
                ["categories"] = new JsonArray("integrity"),
                ["title"] = "工程项目中收受回扣",
                ["details"] = "二〇二六年三月以来，在道路工程招标中多次收受中标企业回扣。",
                ["language"] = "zh-CN",
            },
        };
        using var response = await client.PostAsJsonAsync(new Uri("/api/intake/reports", UriKind.Relative), body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["receipt"]!.GetValue<string>();
    }
}
