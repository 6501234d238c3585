using static Reporting.CaseManagement.Staff.Authorization.CaseConditions;
using static Reporting.CaseManagement.Staff.Authorization.StaffRoles;

namespace Reporting.CaseManagement.Staff.Authorization;

/// <summary>
/// The role table of the HTTP contract (Staff), one row per action, plus the reads. Every case endpoint authorizes
/// through a row of this table, and the authorization matrix test is generated from it.
/// </summary>
public static class CasePolicies
{
    public const string Read = "read";
    public const string DownloadAttachment = "download-attachment";
    public const string RequestIdentity = "request-identity";
    public const string GrantIdentity = "grant-identity";
    public const string RefuseIdentity = "refuse-identity";

    public static readonly IReadOnlyList<CaseActionPolicy> All =
    [
        new(Read, CaseHandlers, None),
        new(DownloadAttachment, CaseHandlers, None),
        new("register", [Registrar], None),
        new("accept", [Registrar], None),
        new("mark-duplicate", [Registrar], None),
        new("file-no-substance", [Registrar], None),
        new("escalate", [Registrar], None),
        new("transfer", [Registrar], None),
        new("decline", [Registrar], None),
        new("propose-disposition", [Supervisor], None),
        new("approve", [Approver], NotTheProposer),
        new("reject", [Approver], NotTheProposer),
        new("assign", [Approver, Supervisor], None),
        new("submit-verification-report", [Supervisor], Assigned),
        new("propose-filing", [Supervisor], None),
        new("submit-investigation-report", [Investigator], Assigned | NeverReviewedIt),
        new("submit-review-report", [Reviewer], NeverInvestigatedIt),
        new("close", [Registrar, Supervisor], None),
        new("send-message", CaseHandlers, Assigned),
        new("recuse", CaseHandlers, None),
        new(RequestIdentity, [Supervisor, Investigator], Assigned),
        new(GrantIdentity, [Approver], NotTheRequester),
        new(RefuseIdentity, [Approver], NotTheRequester),
    ];

    private static readonly Dictionary<string, CaseActionPolicy> ByAction = All.ToDictionary(policy => policy.Action, StringComparer.Ordinal);

    public static CaseActionPolicy? Find(string action) => ByAction.GetValueOrDefault(action);

    /// <summary>
    /// An action the workflow knows beyond the contract's table (recording a defence, an appeal…): any case handler
    /// who is not recused gets as far as the case's decider, which holds that action's own rules.
    /// </summary>
    public static CaseActionPolicy Unlisted(string action) => new(action, CaseHandlers, None) { PolicyName = ListCasesPolicy };

    internal const string ListCasesPolicy = "cases:list";
}
