namespace Reporting.CaseManagement.Staff.Accounts;

/// <summary>Staff accounts, one event stream each, read back in their current state.</summary>
public interface IStaffAccounts
{
    Task<StaffAccount?> FindAsync(string username, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Starts the stream of a new account; fails if an account of that name exists.</summary>
    Task CreateAsync(AccountCreated created, IReadOnlyList<object> events, CancellationToken cancellationToken);

    /// <summary>
    /// Appends to an account's stream. With <paramref name="expectedVersion"/>, only if nothing was appended since
    /// (administrative changes, successful logins that use up a TOTP code); without, unconditionally (failed logins).
    /// False when the stream moved on since <paramref name="expectedVersion"/>.
    /// </summary>
    Task<bool> AppendAsync(string username, long? expectedVersion, IReadOnlyList<object> events, CancellationToken cancellationToken);
}
