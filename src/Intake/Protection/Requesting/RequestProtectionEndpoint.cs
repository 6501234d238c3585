using Reporting.Intake.Receipts;
using Reporting.Intake.Sealing;

namespace Reporting.Intake.Protection.Requesting;

/// <summary>
/// <c>POST /api/intake/protection-requests</c>: the informant asks for protection against retaliation, saying what
/// they fear or have suffered. The same limits and answers as a message.
/// </summary>
internal static class RequestProtectionEndpoint
{
    public static Task<IResult> Handle(HttpRequest request, IProtectionRequests protection, IOfficeSealingKeyProvider sealingKeys, CancellationToken cancellationToken) =>
        InformantText.HandleAsync(request, sealingKeys, protection.RequestAsync, cancellationToken);
}
