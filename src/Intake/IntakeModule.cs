using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reporting.Intake.Contracts;
using Reporting.Intake.Sealing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Marten;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;
using Reporting.Storage.Timestamps;
using Reporting.Intake.Configuration;
using Reporting.Intake.Attachments.Adding;
using Reporting.Intake.Flood;
using Reporting.Intake.Messages.Sending;
using Reporting.Intake.Portal;
using Reporting.Intake.Protection.Requesting;
using Reporting.Intake.Reports.Submitting;
using Reporting.Intake.Responses;
using Reporting.Intake.Status.Checking;
using Reporting.Intake.Telemetry;

namespace Reporting.Intake;

/// <summary>The module's only public entry: its services and its endpoints.</summary>
public static class IntakeModule
{
    public const string Name = "intake";

    public static IServiceCollection AddIntake(this IServiceCollection services)
    {
        services.AddOptions<IntakeOptions>().BindConfiguration("Intake")
            .Validate(options => options.GroupCommit is { MaxBatch: >= 1, MaxInFlight: >= 1 }, "Intake:GroupCommit:MaxBatch and MaxInFlight must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ISpentTokens, StoredSpentTokens>();
        services.AddHostedService<SpentTokenSweep>();
        services.AddSingleton<SignedTokens>();
        services.AddSingleton<ProofOfWork>();
        services.AddSingleton<FormThrottle>();
        services.AddSingleton<GlobalTokenBucket>();
        services.AddSingleton<IValidator<Report>, ReportValidator>();
        services.TryAddSingleton<IOfficeSealingKeyProvider, ConfiguredOfficeSealingKey>();
        // Disposed by the container after the server has stopped: reports still queued are committed before the store goes.
        services.AddSingleton<ReportCommitQueue>();
        services.AddSingleton<IReportFiling, SealedReportFiling>();
        services.AddSingleton<IntakeMetrics>();
        services.AddSingleton<ICaseLookup, CaseStreamLookup>();
        services.AddSingleton<IInformantMessages, SealedInformantMessages>();
        services.AddSingleton<IProtectionRequests, SealedProtectionRequests>();
        services.AddSingleton<IAttachmentStore, SealedAttachmentStore>();
        // What the informant causes is stored to the hour; what the office does keeps its exact time.
        services.Configure<TimestampPrecisionOptions>(precision => precision
            .Truncate<ReportSubmitted>(TimeSpan.FromHours(1))
            .Truncate<InformantMessageReceived>(TimeSpan.FromHours(1))
            .Truncate<AttachmentReceived>(TimeSpan.FromHours(1))
            .Truncate<ProtectionRequested>(TimeSpan.FromHours(1)));
        services.ConfigureMarten(options =>
        {
            options.Events.AddEventTypes([typeof(ReportSubmitted), typeof(InformantMessageReceived), typeof(AttachmentReceived),
                typeof(ProtectionRequested), typeof(InformantStageChanged), typeof(OfficeMessageSent)]);
            options.Schema.For<SpentFloodToken>().Index(token => token.KeepUntil);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder endpoints)
    {
        // Refusals are counted inside the padding, so that they are seen with their own status and the flood filter's 429.
        var api = endpoints.MapGroup("/api/intake").AddEndpointFilter<SizeBucketPadding>().AddEndpointFilter<RefusalCounting>();
        api.MapGet("/config", ConfigEndpoint.Handle);

        api.MapPost("/challenges", ChallengeEndpoint.Handle);
        api.MapPost("/reports", SubmitReportEndpoint.Handle);
        var flooded = api.MapGroup("").AddEndpointFilter<FloodFilter>();
        flooded.MapPost("/status", CheckStatusEndpoint.Handle);
        flooded.MapPost("/messages", SendMessageEndpoint.Handle);
        flooded.MapPost("/protection-requests", RequestProtectionEndpoint.Handle);
        flooded.MapPost("/attachments", AddAttachmentEndpoint.Handle).WithRequestTimeout(RequestTimeoutPolicies.Transfers);
        PortalEndpoints.Map(endpoints);
        return endpoints;
    }
}
