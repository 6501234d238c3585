using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using JasperFx;
using Marten.Exceptions;
using Reporting.CaseManagement.Staff.Authorization;

namespace Reporting.CaseManagement.Staff.Accounts;

/// <summary>
/// In Development only, and only into an empty directory: the users the HTTP contract lists, one per role and a second
/// of each approving and handling role, all with the published development password and no second factor.
/// Outside Development nothing is seeded, whatever the configuration says.
/// </summary>
internal sealed partial class DevelopmentSeeding(
    IStaffAccounts accounts,
    IPasswordHashing hashing,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<DevelopmentSeeding> logger) : IHostedService
{
    public const string Password = "dev-password-change-me";
    public const string Organization = "开发用纪委监委 Development commission";
    private const string SeededBy = "development-seeding";

    public static readonly IReadOnlyList<(string Username, string DisplayName, string Role)> Users =
    [
        ("registrar1", "登记员一 Registrar One", StaffRoles.Registrar),
        ("supervisor1", "监督员一 Supervisor One", StaffRoles.Supervisor),
        ("supervisor2", "监督员二 Supervisor Two", StaffRoles.Supervisor),
        ("investigator1", "调查员一 Investigator One", StaffRoles.Investigator),
        ("investigator2", "调查员二 Investigator Two", StaffRoles.Investigator),
        ("reviewer1", "审理员一 Reviewer One", StaffRoles.Reviewer),
        ("approver1", "分管领导一 Approver One", StaffRoles.Approver),
        ("approver2", "主要负责人 Approver Two", StaffRoles.Approver),
        ("publisher1", "信息公开员一 Publisher One", StaffRoles.Publisher),
        ("auditor1", "审计员一 Auditor One", StaffRoles.Auditor),
        ("admin1", "管理员一 Admin One", StaffRoles.Admin),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || (await accounts.ListAsync(cancellationToken)).Count > 0)
            return;
        var now = time.GetUtcNow();
        // One hash for all: the same published password, and seeding eleven users should not cost eleven Argon2id runs.
        var hash = hashing.Hash(Password);
        foreach (var (username, displayName, role) in Users)
        {
            try
            {
                await accounts.CreateAsync(new AccountCreated(username, displayName, Organization, now),
                    [new RoleGranted(role, SeededBy, now), new PasswordChanged(hash, now)], cancellationToken);
            }
            catch (ExistingStreamIdCollisionException)
            {
                // Another host on the same database seeded this user at the same moment.
            }
        }
        LogSeeded(logger, Users.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Warning, "Development: seeded {Count} staff users with the published development password and no second factor")]
    private static partial void LogSeeded(ILogger logger, int count);
}
