using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Marten.Events.Aggregation;

namespace Reporting.CaseManagement.Staff.Accounts;

/// <summary>Each account's current state as a document, written in the same transaction as its events.</summary>
internal sealed class StaffAccountProjection : SingleStreamProjection<StaffAccount, Guid>;
