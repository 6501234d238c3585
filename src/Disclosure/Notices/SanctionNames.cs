using Reporting.CaseManagement.Contracts;

namespace Reporting.Disclosure.Notices;

/// <summary>What the public reads for each sanction of the contract, in both languages.</summary>
public static class SanctionNames
{
    private static readonly Dictionary<(string Kind, string Type), (string Chinese, string English)> Names = new()
    {
        [(SanctionKind.Party, PartySanction.Warning)] = ("党内警告处分", "Party warning"),
        [(SanctionKind.Party, PartySanction.SeriousWarning)] = ("党内严重警告处分", "Serious Party warning"),
        [(SanctionKind.Party, PartySanction.RemovalFromPartyPost)] = ("撤销党内职务处分", "Removal from Party post"),
        [(SanctionKind.Party, PartySanction.Probation)] = ("留党察看处分", "Probation within the Party"),
        [(SanctionKind.Party, PartySanction.Expulsion)] = ("开除党籍处分", "Expulsion from the Party"),
        [(SanctionKind.Administrative, AdministrativeSanction.Warning)] = ("政务警告处分", "Administrative warning"),
        [(SanctionKind.Administrative, AdministrativeSanction.Demerit)] = ("政务记过处分", "Administrative demerit"),
        [(SanctionKind.Administrative, AdministrativeSanction.MajorDemerit)] = ("政务记大过处分", "Major administrative demerit"),
        [(SanctionKind.Administrative, AdministrativeSanction.Demotion)] = ("政务降级处分", "Demotion"),
        [(SanctionKind.Administrative, AdministrativeSanction.DismissalFromPost)] = ("政务撤职处分", "Dismissal from post"),
        [(SanctionKind.Administrative, AdministrativeSanction.ExpulsionFromOffice)] = ("开除公职处分", "Expulsion from public office"),
        [(SanctionKind.Other, OtherDisposition.Reminder)] = ("谈话提醒", "Reminder"),
        [(SanctionKind.Other, OtherDisposition.Criticism)] = ("批评教育", "Criticism"),
        [(SanctionKind.Other, OtherDisposition.Admonition)] = ("诫勉", "Admonition"),
        [(SanctionKind.Other, OtherDisposition.ReferralToProcuratorate)] = ("移送检察机关依法审查起诉", "Referral to the procuratorate"),
        [(SanctionKind.Other, OtherDisposition.SanctionWaived)] = ("免予处分", "Sanction waived"),
    };

    public static IEnumerable<(string Kind, string Type)> All => Names.Keys;

    public static string Chinese(string kind, string type) => Names.TryGetValue((kind, type), out var name) ? name.Chinese : type;

    public static string English(string kind, string type) => Names.TryGetValue((kind, type), out var name) ? name.English : type;
}
