using System.Collections.Concurrent;
using Reporting.CaseManagement.Staff.Authorization;

namespace Reporting.Staff.Tests.Hosting;

/// <summary>Case facts set by each test for a case id of its own, in place of the case stream's projection.</summary>
public sealed class TestCaseFacts : ICaseAccessFacts
{
    private readonly ConcurrentDictionary<Guid, CaseAccessFacts> _cases = new();

    public Guid Add(CaseAccessFacts facts)
    {
        var caseId = Guid.NewGuid();
        _cases[caseId] = facts;
        return caseId;
    }

    public Task<CaseAccessFacts?> LoadAsync(Guid caseId, CancellationToken cancellationToken) =>
        Task.FromResult(_cases.GetValueOrDefault(caseId));
}
