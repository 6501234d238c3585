using Reporting.Testing;

namespace Reporting.Disclosure.Bench;

/// <summary>
/// The real host in Development on a throwaway cluster, with notices published as staff publish them
/// (<see cref="DisclosureHost.PublishedSanctionAsync"/>), and no request-level logs to measure along with the pages.
/// </summary>
internal sealed class PublishingHost : DisclosureHost
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Logging:LogLevel:Default"] = "Warning";
    }

    /// <summary>
    /// Publishes <paramref name="count"/> notices, each of a case walked to a decision; returns their ids in order. One
    /// case at a time: concurrent walks by the same seeded staff collide on shared streams.
    /// </summary>
    public async Task<List<Guid>> PublishNoticesAsync(int count)
    {
        var notices = new List<Guid>();
        for (var number = 1; number <= count; number++)
            notices.Add((await PublishedSanctionAsync()).NoticeId);
        return notices;
    }
}
