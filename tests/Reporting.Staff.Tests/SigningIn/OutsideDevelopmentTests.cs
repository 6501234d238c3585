using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Reporting.CaseManagement.Staff.Accounts;
using Reporting.CaseManagement.Staff.Audit;
using Reporting.CaseManagement.Staff.SigningIn;
using Reporting.CaseManagement.Staff.Tokens;
using Reporting.Staff.Tests.Hosting;

namespace Reporting.Staff.Tests.SigningIn;

/// <summary>The parts that behave differently outside Development, run with the host's real services and a Production environment.</summary>
public sealed class OutsideDevelopmentTests(StaffHost host) : IClassFixture<StaffHost>
{
    private static readonly IHostEnvironment Production = new HostingEnvironment { EnvironmentName = Environments.Production };

    private SignIn SignInOutsideDevelopment() => new(
        host.Services.GetRequiredService<IStaffAccounts>(),
        host.Services.GetRequiredService<IPasswordHashing>(),
        host.Services.GetRequiredService<ISecretWrapping>(),
        host.Services.GetRequiredService<TokenIssuer>(),
        host.Services.GetRequiredService<IAuditTrail>(),
        TimeProvider.System,
        Production,
        NullLogger<SignIn>.Instance);

    [Fact]
    public async Task Outside_Development_an_account_without_a_second_factor_cannot_log_in()
    {
        var token = await SignInOutsideDevelopment().AttemptAsync("investigator2", StaffHost.DevelopmentPassword, totp: null, default);

        Assert.Null(token);
    }

    [Fact]
    public async Task Outside_Development_nothing_is_seeded()
    {
        var accounts = new RecordingAccounts();
        var seeding = new DevelopmentSeeding(accounts, host.Services.GetRequiredService<IPasswordHashing>(), Production, TimeProvider.System,
            NullLogger<DevelopmentSeeding>.Instance);

        await seeding.StartAsync(default);

        Assert.Equal(0, accounts.Created);
    }

    [Fact]
    public async Task Development_seeds_exactly_the_users_of_the_contract_with_one_role_each_and_no_second_factor()
    {
        var accounts = await host.Services.GetRequiredService<IStaffAccounts>().ListAsync(default);

        string[] contract =
        [
            "registrar1", "supervisor1", "supervisor2", "investigator1", "investigator2", "reviewer1",
            "approver1", "approver2", "publisher1", "auditor1", "admin1",
        ];
        Assert.Equal(contract.Order(StringComparer.Ordinal), accounts.Select(account => account.Username).Order(StringComparer.Ordinal));
        Assert.All(accounts, account => Assert.Equal([account.Username.TrimEnd('1', '2')], account.Roles));
        Assert.All(accounts, account => Assert.Null(account.WrappedTotpSecret));
    }

    [Fact]
    public async Task A_password_hashed_with_weaker_parameters_is_rehashed_at_the_next_login_without_revoking_tokens()
    {
        var accounts = host.Services.GetRequiredService<IStaffAccounts>();
        var weakHash = new SodiumPasswordHashing(1, 8 * 1024 * 1024).Hash(StaffHost.DevelopmentPassword);
        await accounts.AppendAsync("reviewer1", null, [new PasswordRehashed(weakHash, DateTimeOffset.UtcNow)], default);
        var stamp = (await accounts.FindAsync("reviewer1", default))!.SecurityStamp;

        await host.TokenAsync("reviewer1");

        var after = (await accounts.FindAsync("reviewer1", default))!;
        Assert.NotEqual(weakHash, after.PasswordHash);
        Assert.False(host.Services.GetRequiredService<IPasswordHashing>().NeedsRehash(after.PasswordHash!));
        Assert.Equal(stamp, after.SecurityStamp);
    }

    private sealed class RecordingAccounts : IStaffAccounts
    {
        public int Created { get; private set; }

        public Task<StaffAccount?> FindAsync(string username, CancellationToken cancellationToken) => Task.FromResult<StaffAccount?>(null);

        public Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<StaffAccount>>([]);

        public Task CreateAsync(AccountCreated created, IReadOnlyList<object> events, CancellationToken cancellationToken)
        {
            Created++;
            return Task.CompletedTask;
        }

        public Task<bool> AppendAsync(string username, long? expectedVersion, IReadOnlyList<object> events, CancellationToken cancellationToken) =>
            Task.FromResult(true);
    }
}
