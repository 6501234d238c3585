using Reporting.Testing;

namespace Reporting.CaseManagement.Tests.Http;

/// <summary>
/// The whole host in Development (<see cref="CaseFlowHost"/>), with the reports and steps the case tests start from
/// (<see cref="CaseFlowWalks"/>): Intake seals to the office keys of its own key file.
/// </summary>
public sealed class CaseHost : CaseFlowHost;
