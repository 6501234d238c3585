using System.Globalization;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Contracts.Workbench;

/// <summary>Times in China's time zone, and deadlines in working days said in words, never by colour alone.</summary>
public static class Dates
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, China).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Deadline(PageContext page, DateOnly? due, DateOnly today)
    {
        if (due is not { } date)
            return "—";
        var days = WorkingDays(today, date);
        var text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return days switch
        {
            < 0 => page.T($"{text}（已超期 {-days} 个工作日）", $"{text} (overdue by {-days} working days)"),
            0 => page.T($"{text}（今天到期）", $"{text} (due today)"),
            _ => page.T($"{text}（剩余 {days} 个工作日）", $"{text} ({days} working days left)"),
        };
    }

    /// <summary>Working days from today to the due date, negative once it has passed.</summary>
    private static int WorkingDays(DateOnly today, DateOnly due)
    {
        var calendar = WorkingCalendar.Embedded;
        var (from, to, sign) = due >= today ? (today, due, 1) : (due, today, -1);
        var count = 0;
        for (var day = from.AddDays(1); day <= to && count < 1000; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
                count++;
        }
        return sign * count;
    }
}
