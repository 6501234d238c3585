using Reporting.Storage.Shredding;

namespace Reporting.CaseManagement.Cases;

// Opening a real-name informant's identity: asked for by one of the handlers, decided by an approver who did not ask.

/// <summary>An assigned handler asked to open the informant's identity; it waits for an approver's decision.</summary>
public sealed record IdentityRequested(int Number, Shreddable<string> Reason, string By, DateTimeOffset At);

/// <summary>The requester may now read the informant's identity (see <see cref="CaseState.MayReadIdentity"/>).</summary>
public sealed record IdentityGranted(int Number, string RequestedBy, Shreddable<string> Comment, string By, DateTimeOffset At);

/// <summary>The request is closed without opening anything; the requester may ask again with a better reason.</summary>
public sealed record IdentityRefused(int Number, string RequestedBy, Shreddable<string> Reason, string By, DateTimeOffset At);
