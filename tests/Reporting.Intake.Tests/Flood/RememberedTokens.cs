using System.Collections.Concurrent;
using Reporting.Intake.Flood;

namespace Reporting.Intake.Tests.Flood;

/// <summary>Spent tokens in memory, for tests of the token rules without a database.</summary>
internal sealed class RememberedTokens : ISpentTokens
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _spent = new(StringComparer.Ordinal);

    public Task<bool> TrySpendAsync(string id, DateTimeOffset keepUntil, CancellationToken cancellationToken) =>
        Task.FromResult(_spent.TryAdd(id, keepUntil));
}
