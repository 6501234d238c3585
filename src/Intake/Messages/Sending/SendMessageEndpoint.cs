using Reporting.Intake.Receipts;
using Reporting.Intake.Sealing;

namespace Reporting.Intake.Messages.Sending;

/// <summary><c>POST /api/intake/messages</c>: the informant writes to the office.</summary>
internal static class SendMessageEndpoint
{
    public static Task<IResult> Handle(HttpRequest request, IInformantMessages messages, IOfficeSealingKeyProvider sealingKeys, CancellationToken cancellationToken) =>
        InformantText.HandleAsync(request, sealingKeys, messages.SendAsync, cancellationToken);
}
