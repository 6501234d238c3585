using Reporting.CaseManagement.Staff.Accounts;

namespace Reporting.Staff.Tests.Accounts;

public sealed class LoginThrottleTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(5, 4)]
    [InlineData(10, 128)]
    [InlineData(11, 256)]
    [InlineData(12, 300)]
    [InlineData(1000, 300)]
    public void The_wait_doubles_after_three_free_failures_and_is_capped_at_five_minutes(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), LoginThrottle.WaitAfter(failures));
    }

    [Fact]
    public void An_account_is_never_locked_for_good_however_many_failures()
    {
        var last = DateTimeOffset.UtcNow;
        var account = new StaffAccount { FailedLogins = 1_000_000, LastFailedLoginAt = last };

        Assert.False(LoginThrottle.MayTryAt(account, last.AddMinutes(4)));
        Assert.True(LoginThrottle.MayTryAt(account, last.AddMinutes(5)));
    }

    [Fact]
    public void A_success_clears_the_slowdown()
    {
        var now = DateTimeOffset.UtcNow;
        var account = new StaffAccount { FailedLogins = 8, LastFailedLoginAt = now };

        account.Apply(new LoginSucceeded(null, now));

        Assert.True(LoginThrottle.MayTryAt(account, now));
    }

    [Fact]
    public void Roles_passwords_second_factors_and_disabling_change_the_security_stamp_but_logins_do_not()
    {
        var now = DateTimeOffset.UtcNow;
        var account = StaffAccount.Create(new AccountCreated("registrar9", "R", "O", now));
        var stamps = new List<int> { account.SecurityStamp };

        account.Apply(new RoleGranted("registrar", "admin1", now));
        stamps.Add(account.SecurityStamp);
        account.Apply(new PasswordChanged("hash", now));
        stamps.Add(account.SecurityStamp);
        account.Apply(new TotpEnrolled([1, 2, 3], now));
        stamps.Add(account.SecurityStamp);
        account.Apply(new RoleRevoked("registrar", "admin1", now));
        stamps.Add(account.SecurityStamp);
        account.Apply(new AccountDisabled("admin1", now));
        stamps.Add(account.SecurityStamp);
        var beforeLogins = account.SecurityStamp;
        account.Apply(new LoginFailed(now));
        account.Apply(new LoginSucceeded(42, now));
        account.Apply(new PasswordRehashed("stronger hash", now));

        Assert.Equal(stamps.Count, stamps.Distinct().Count());
        Assert.Equal(beforeLogins, account.SecurityStamp);
        Assert.Equal(9, account.Version);
    }

    [Fact]
    public void Account_stream_ids_depend_on_the_username_alone_whatever_its_case()
    {
        Assert.Equal(StaffAccountId.For("Registrar1"), StaffAccountId.For("registrar1"));
        Assert.NotEqual(StaffAccountId.For("registrar1"), StaffAccountId.For("registrar2"));
    }
}
