namespace Reporting.CaseManagement.Staff.Accounts;

/// <summary>
/// Per-account slowdown after failed logins: a few free tries, then a wait that doubles with each failure up to a cap.
/// Never a lockout: after the cap the account takes one try per interval, which is hopeless for guessing yet leaves the
/// real user a way in. Tries refused during a wait are not counted, so an attacker cannot stretch the wait either.
/// </summary>
public static class LoginThrottle
{
    public const int FreeFailures = 3;
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(5);

    public static TimeSpan WaitAfter(int failedLogins)
    {
        if (failedLogins < FreeFailures)
            return TimeSpan.Zero;
        var doublings = Math.Min(failedLogins - FreeFailures, 20);
        var wait = FirstWait * Math.Pow(2, doublings);
        return wait < LongestWait ? wait : LongestWait;
    }

    public static bool MayTryAt(StaffAccount account, DateTimeOffset now) =>
        account.LastFailedLoginAt is not { } last || now >= last + WaitAfter(account.FailedLogins);
}
