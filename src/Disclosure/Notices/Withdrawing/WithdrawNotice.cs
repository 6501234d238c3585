using Reporting.Disclosure.Notices.Correcting;

namespace Reporting.Disclosure.Notices.Withdrawing;

/// <summary>A withdrawal is a signed statement (reason, date, organ) published as the notice's last version.</summary>
public static class WithdrawNoticeDecider
{
    public static WithdrawalDrafted Decide(NoticeState state, string reason, string publishingOrgan, string by, DateTimeOffset now)
    {
        CorrectNoticeDecider.RequirePublishedAndIdle(state, "withdraw");
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 4000)
            throw NoticeRefusedException.Invalid("reason", "Say, in at most 4000 characters, why the notice is withdrawn: the public reads it.");
        return new WithdrawalDrafted(reason.Trim().Normalize(System.Text.NormalizationForm.FormC), publishingOrgan, by, now);
    }
}
