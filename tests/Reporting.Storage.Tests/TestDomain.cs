using Marten.Events.Aggregation;
using Reporting.Storage.Shredding;

namespace Reporting.Storage.Tests;

// A small domain of no consequence, so that the store's additions are exercised without knowing the system's own.

public sealed record LedgerOpened(string Owner);

public sealed record AmountDeposited(decimal Amount);

public sealed record AmountWithdrawn(decimal Amount);

/// <summary>Kept to the hour, as an informant's acts are.</summary>
public sealed record TipReceived(string Channel);

public sealed record WitnessNamed(Shreddable<string> Name, string Channel);

public sealed record WitnessCount(Guid Id, int Statements, string LastChannel);

public sealed class WitnessCountProjection : SingleStreamProjection<WitnessCount, Guid>
{
    public WitnessCount Create(WitnessNamed named) => new(Guid.Empty, 1, named.Channel);

    public WitnessCount Apply(WitnessNamed named, WitnessCount current) => current with { Statements = current.Statements + 1, LastChannel = named.Channel };
}
