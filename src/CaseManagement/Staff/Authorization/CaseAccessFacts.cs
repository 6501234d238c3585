namespace Reporting.CaseManagement.Staff.Authorization;

/// <summary>What a case's stream says about who stands where, as the access checks need it.</summary>
/// <param name="Assignees">Usernames assigned to handle the case.</param>
/// <param name="Recused">Usernames who recused themselves (or were recused) from the case.</param>
/// <param name="PendingProposalBy">Who made the proposal now awaiting approval, if any.</param>
/// <param name="Investigators">Everyone who has investigated the case (assigned in investigation or reported on it).</param>
/// <param name="Reviewers">Everyone who has reviewed the case.</param>
/// <param name="PendingIdentityRequestBy">Who asked to open the informant's identity, while that request waits.</param>
/// <param name="RegisteredAccused">The accused as registered, for automatic recusal.</param>
public sealed record CaseAccessFacts(
    IReadOnlySet<string> Assignees,
    IReadOnlySet<string> Recused,
    string? PendingProposalBy,
    IReadOnlySet<string> Investigators,
    IReadOnlySet<string> Reviewers,
    string? PendingIdentityRequestBy,
    IReadOnlyList<PersonAtOrganization> RegisteredAccused)
{
    public static readonly CaseAccessFacts Empty = new(
        new HashSet<string>(), new HashSet<string>(), null, new HashSet<string>(), new HashSet<string>(), null, []);
}

/// <summary>A person as the register names them: a name and the organization they belong to.</summary>
public sealed record PersonAtOrganization(string Name, string Organization);
