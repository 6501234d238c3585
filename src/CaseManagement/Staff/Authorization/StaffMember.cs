namespace Reporting.CaseManagement.Staff.Authorization;

/// <summary>The signed-in user as the access checks see them.</summary>
/// <param name="Organization">Their own unit, compared with the accused of each case for automatic recusal.</param>
public sealed record StaffMember(string Username, string DisplayName, string Organization, IReadOnlySet<string> Roles)
{
    public PersonAtOrganization AsPerson => new(DisplayName, Organization);
}
