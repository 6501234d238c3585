using Reporting.Storage.Hosting;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Reporting.Intake.Attachments.Adding;
using Reporting.Intake.Attachments.Cleaning;
using Reporting.Intake.Flood;
using Reporting.Intake.Messages.Sending;
using Reporting.Intake.Protection.Requesting;
using Reporting.Intake.Receipts;
using Reporting.Intake.Reports.Submitting;
using Reporting.Intake.Responses;
using Reporting.Intake.Sealing;
using Reporting.Intake.Status.Checking;

namespace Reporting.Intake.Portal;

/// <summary>
/// The informant's portal in plain HTML: every action is a form posted to the server, which answers with a page.
/// Works with JavaScript disabled and without cookies; flood control is the global bucket and a one-use form token.
/// </summary>
internal static class PortalEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/intake.css", Stylesheet.Serve);
        var pages = endpoints.MapGroup("").AddEndpointFilter<SizeBucketPadding>().AddEndpointFilter<Telemetry.RefusalCounting>();
        pages.MapGet("/", (HttpRequest request) => HomePage.Render(Languages.From(request.Query)));
        pages.MapGet("/report", (HttpRequest request, FormThrottle throttle) =>
            ReportFormPage.Render(Languages.From(request.Query), throttle.Issue(), ReportForm.Empty, new Dictionary<string, string[]>()));
        pages.MapPost("/report", SubmitAsync);
        pages.MapGet("/status", (HttpRequest request, FormThrottle throttle) => StatusPage.RenderForm(Languages.From(request.Query), throttle.Issue()));
        pages.MapPost("/status", CheckAsync);
        pages.MapPost("/messages", SendAsync);
        pages.MapPost("/protection", AskProtectionAsync);
        pages.MapPost("/attachments", AttachAsync).WithRequestTimeout(RequestTimeoutPolicies.Transfers);
    }

    private static async Task<IResult> SubmitAsync(
        HttpRequest request, GlobalTokenBucket bucket, FormThrottle throttle, IValidator<Report> validator, IOptions<IntakeOptions> options, IReportFiling filing, IOfficeSealingKeyProvider sealingKeys, Telemetry.IntakeMetrics metrics, CancellationToken cancellationToken)
    {
        var language = Languages.From(request.Query);
        var text = PortalText.For(language);
        if (!bucket.TryTake())
            return PortalPage.Render(language, text.ReportHeading, PortalPage.Notice(text.Busy), StatusCodes.Status429TooManyRequests);
        var fields = await ReadFormAsync(request, options.Value.Limits.MaxReportBodyBytes, cancellationToken);
        if (fields is null)
            return PortalPage.Render(language, text.ReportHeading, PortalPage.Notice(text.Error($"at most {options.Value.Limits.MaxReportBodyBytes}")), StatusCodes.Status413PayloadTooLarge);
        var form = ReportForm.From(fields);
        var action = fields["action"].ToString();
        if (action == ReportForm.AddAction || action.StartsWith(ReportForm.RemoveActionPrefix, StringComparison.Ordinal))
            return Redraw(language, throttle, fields["formToken"], form, action);

        switch (await throttle.SpendAsync(fields["formToken"], cancellationToken))
        {
            case FormTokenVerdict.TooSoon:
                return ReportFormPage.Render(language, throttle.Issue(), form, new Dictionary<string, string[]>(), text.TooSoon, StatusCodes.Status429TooManyRequests);
            case FormTokenVerdict.Invalid:
                return ReportFormPage.Render(language, throttle.Issue(), form, new Dictionary<string, string[]>(), text.FormExpired, StatusCodes.Status403Forbidden);
        }

        var (report, dateErrors) = form.ToReport(language);
        var validation = report is null ? null : await validator.ValidateAsync(report, cancellationToken);
        if (report is null || validation is { IsValid: false })
        {
            var errors = validation is null ? dateErrors : ValidationErrors.ByField(validation.Errors, "report");
            return ReportFormPage.Render(language, throttle.Issue(), form, errors, statusCode: StatusCodes.Status400BadRequest);
        }
        if (sealingKeys.Current is null)
            return ReportFormPage.Render(language, throttle.Issue(), form, new Dictionary<string, string[]>(), text.Unavailable, StatusCodes.Status503ServiceUnavailable);

        var receipt = ReceiptCode.Generate();
        var receivedAt = await filing.FileAsync(receipt, report, cancellationToken);
        metrics.Submitted("portal");
        return ReceiptPage.Render(language, receipt.Display, receivedAt);
    }

    /// <summary>
    /// "Add another person" or "remove": the form drawn again with what was typed, one block more or less; nothing is
    /// stored and no receipt issued. The token is not spent (the report is still to come) and keeps its issue time, so
    /// the real submission is neither refused as used nor made to wait again; one that is no longer good is replaced.
    /// </summary>
    private static IResult Redraw(Language language, FormThrottle throttle, string? formToken, ReportForm form, string action)
    {
        var text = PortalText.For(language);
        if (action == ReportForm.AddAction)
        {
            var added = form.WithAnotherAccused();
            return added.AccusedCount == form.AccusedCount
                ? ReportFormPage.Render(language, throttle.Renew(formToken), form, new Dictionary<string, string[]>(), text.AccusedLimit, redrawn: true)
                : ReportFormPage.Render(language, throttle.Renew(formToken), added, new Dictionary<string, string[]>(), text.AccusedAdded, redrawn: true, focusRow: added.AccusedCount - 1);
        }
        var row = int.TryParse(action.AsSpan(ReportForm.RemoveActionPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) ? index : -1;
        return ReportFormPage.Render(language, throttle.Renew(formToken), form.WithoutAccused(row), new Dictionary<string, string[]>(), text.AccusedRemoved, redrawn: true);
    }

    private static async Task<IResult> CheckAsync(HttpRequest request, GlobalTokenBucket bucket, FormThrottle throttle, ICaseLookup lookup, CancellationToken cancellationToken)
    {
        var language = Languages.From(request.Query);
        var text = PortalText.For(language);
        if (!bucket.TryTake())
            return StatusPage.RenderForm(language, throttle.Issue(), text.Busy, StatusCodes.Status429TooManyRequests);
        var fields = await ReadFormAsync(request, 4096, cancellationToken);
        if (fields is null)
            return StatusPage.RenderForm(language, throttle.Issue(), text.ReceiptUnknown, StatusCodes.Status413PayloadTooLarge);
        var verdict = await throttle.SpendAsync(fields["formToken"], cancellationToken);
        if (verdict != FormTokenVerdict.Accepted)
            return StatusPage.RenderForm(language, throttle.Issue(), verdict == FormTokenVerdict.TooSoon ? text.TooSoon : text.FormExpired, StatusCodes.Status403Forbidden);
        return await CaseOrFormAsync(language, fields["receipt"], throttle, lookup, notice: null, removed: null, cancellationToken);
    }

    private static Task<IResult> SendAsync(
        HttpRequest request, GlobalTokenBucket bucket, FormThrottle throttle, ICaseLookup lookup, IInformantMessages messages, IOfficeSealingKeyProvider sealingKeys, CancellationToken cancellationToken)
    {
        var text = PortalText.For(Languages.From(request.Query));
        return PostTextAsync(request, bucket, throttle, lookup, sealingKeys, text.MessageInvalid, text.MessageSent, messages.SendAsync, cancellationToken);
    }

    private static Task<IResult> AskProtectionAsync(
        HttpRequest request, GlobalTokenBucket bucket, FormThrottle throttle, ICaseLookup lookup, IProtectionRequests protection, IOfficeSealingKeyProvider sealingKeys, CancellationToken cancellationToken)
    {
        var text = PortalText.For(Languages.From(request.Query));
        return PostTextAsync(request, bucket, throttle, lookup, sealingKeys, text.ProtectionInvalid, text.ProtectionSent, protection.RequestAsync, cancellationToken);
    }

    /// <summary>A form of the status page that sends the informant's text (a message, a request for protection) and shows the case again.</summary>
    private static async Task<IResult> PostTextAsync(
        HttpRequest request, GlobalTokenBucket bucket, FormThrottle throttle, ICaseLookup lookup, IOfficeSealingKeyProvider sealingKeys,
        string invalid, string sent, Func<ReceiptCode, string, CancellationToken, Task<bool>> deliver, CancellationToken cancellationToken)
    {
        var language = Languages.From(request.Query);
        var text = PortalText.For(language);
        if (!bucket.TryTake())
            return StatusPage.RenderForm(language, throttle.Issue(), text.Busy, StatusCodes.Status429TooManyRequests);
        var fields = await ReadFormAsync(request, InformantText.MaxRequestBytes, cancellationToken);
        if (fields is null)
            return StatusPage.RenderForm(language, throttle.Issue(), invalid, StatusCodes.Status413PayloadTooLarge);
        var verdict = await throttle.SpendAsync(fields["formToken"], cancellationToken);
        if (verdict != FormTokenVerdict.Accepted)
            return StatusPage.RenderForm(language, throttle.Issue(), verdict == FormTokenVerdict.TooSoon ? text.TooSoon : text.FormExpired, StatusCodes.Status403Forbidden);
        var body = fields["body"].ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!InformantText.IsValidBody(body))
            return await CaseOrFormAsync(language, fields["receipt"], throttle, lookup, invalid, null, cancellationToken);
        if (sealingKeys.Current is null)
            return StatusPage.RenderForm(language, throttle.Issue(), text.Unavailable, StatusCodes.Status503ServiceUnavailable);
        var delivered = ReceiptCode.Parse(fields["receipt"]).Receipt is { } receipt && await deliver(receipt, body, cancellationToken);
        return await CaseOrFormAsync(language, fields["receipt"], throttle, lookup, delivered ? sent : null, null, cancellationToken);
    }

    private static async Task<IResult> AttachAsync(
        HttpRequest request, GlobalTokenBucket bucket, FormThrottle throttle, IOptions<IntakeOptions> options, ICaseLookup lookup, IAttachmentStore store, IOfficeSealingKeyProvider sealingKeys, CancellationToken cancellationToken)
    {
        var language = Languages.From(request.Query);
        var text = PortalText.For(language);
        if (!bucket.TryTake())
            return StatusPage.RenderForm(language, throttle.Issue(), text.Busy, StatusCodes.Status429TooManyRequests);
        var upload = await MultipartUpload.ReadAsync(request, options.Value.Limits.MaxFileBytes, cancellationToken);
        var verdict = await throttle.SpendAsync(upload.Fields.GetValueOrDefault("formToken"), cancellationToken);
        if (verdict != FormTokenVerdict.Accepted)
            return StatusPage.RenderForm(language, throttle.Issue(), verdict == FormTokenVerdict.TooSoon ? text.TooSoon : text.FormExpired, StatusCodes.Status403Forbidden);
        var typedReceipt = upload.Fields.GetValueOrDefault("receipt");
        if (upload.TooLarge)
            return await CaseOrFormAsync(language, typedReceipt, throttle, lookup, text.AttachmentTooLarge, null, cancellationToken);
        if (sealingKeys.Current is null)
            return StatusPage.RenderForm(language, throttle.Issue(), text.Unavailable, StatusCodes.Status503ServiceUnavailable);
        if (upload.File is not { Length: > 0 } file || ReceiptCode.Parse(typedReceipt).Receipt is not { } receipt)
            return await CaseOrFormAsync(language, typedReceipt, throttle, lookup, null, null, cancellationToken);

        var cleaning = await AttachmentCleaning.CleanAsync(file, options.Value.Attachments, cancellationToken);
        if (cleaning is CleaningRefusal refusal)
        {
            CryptographicBuffers.Clear(file);
            return await CaseOrFormAsync(language, typedReceipt, throttle, lookup, InLanguage(refusal.Title, language), null, cancellationToken, refusal.Status);
        }
        var cleaned = (CleanedAttachment)cleaning;
        var fileName = string.IsNullOrWhiteSpace(upload.FileName) ? "attachment" : upload.FileName;
        var result = await store.AddAsync(receipt, fileName, cleaned, cancellationToken);
        CryptographicBuffers.Clear(file, cleaned.Bytes);
        var notice = result.Outcome switch
        {
            AttachmentOutcome.Kept when cleaned.MayIdentify => $"{text.AttachmentAdded} {fileName}. {text.MetadataWarning}",
            AttachmentOutcome.Kept => $"{text.AttachmentAdded} {fileName}",
            AttachmentOutcome.ReportLimitReached => text.AttachmentTooLarge,
            _ => null,
        };
        return await CaseOrFormAsync(language, typedReceipt, throttle, lookup, notice, result.Outcome == AttachmentOutcome.Kept ? [.. cleaned.Removed.Select(label => InLanguage(label, language))] : null, cancellationToken);
    }

    /// <summary>The door's texts (refusals, labels of what was removed) are "中文 / English": a page shows its own language's half.</summary>
    private static string InLanguage(string title, Language language) =>
        title.Split(" / ", 2) is [var chinese, var english] ? (language == Language.English ? english : chinese) : title;

    /// <summary>The case page for a receipt that leads to one; otherwise the receipt form again, saying why in general words.</summary>
    private static async Task<IResult> CaseOrFormAsync(
        Language language, string? typedReceipt, FormThrottle throttle, ICaseLookup lookup, string? notice, IReadOnlyList<string>? removed, CancellationToken cancellationToken,
        int statusCode = StatusCodes.Status200OK)
    {
        var text = PortalText.For(language);
        var parsed = ReceiptCode.Parse(typedReceipt);
        if (parsed.Receipt is not { } receipt)
            return StatusPage.RenderForm(language, throttle.Issue(), parsed.Problem == ReceiptProblem.Mistyped ? text.ReceiptMistyped : text.ReceiptUnknown, StatusCodes.Status400BadRequest);
        return await lookup.FindAsync(receipt, cancellationToken) is { } view
            ? StatusPage.RenderCase(language, receipt, view, throttle.Issue, notice, removed, statusCode)
            : StatusPage.RenderForm(language, throttle.Issue(), text.ReceiptUnknown, StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// A url-encoded form read within a byte limit, or null past it. A form the reader's own limits refuse (more than
    /// 1024 fields, a name over 2 KiB) is too large in the same sense: no form of ours comes near either.
    /// </summary>
    private static async Task<FormCollection?> ReadFormAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var body = await BoundedBody.ReadAsync(request, limit, cancellationToken);
        if (body is null)
            return null;
        try
        {
            using var reader = new FormReader(new MemoryStream(body), System.Text.Encoding.UTF8);
            return new FormCollection(await reader.ReadFormAsync(cancellationToken));
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            Array.Clear(body);
        }
    }
}
