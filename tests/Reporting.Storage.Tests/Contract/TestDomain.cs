using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Marten.Events.Aggregation;

namespace Reporting.EventStore.Tests.Contract;

// A small domain of no consequence, so that the store is exercised without knowing the system's own.

public sealed record LedgerOpened(Guid LedgerId, string Owner);

public sealed record AmountDeposited(decimal Amount);

public sealed record AmountWithdrawn(decimal Amount);

public sealed record LedgerClosed(string Reason);

public sealed record TipReceived(string Channel);

/// <summary>An event no inline projection handles, so that appending it needs no read before the commit.</summary>
public sealed record NoteTaken(string Text);

public sealed record Ledger(Guid Id, string Owner, decimal Balance, int Movements, bool Closed)
{
    public static Ledger Create(LedgerOpened opened) => new(opened.LedgerId, opened.Owner, 0, 0, false);

    public Ledger Apply(AmountDeposited deposited) => this with { Balance = Balance + deposited.Amount, Movements = Movements + 1 };

    public Ledger Apply(AmountWithdrawn withdrawn) => this with { Balance = Balance - withdrawn.Amount, Movements = Movements + 1 };

    public Ledger Apply(LedgerClosed _) => this with { Closed = true };
}

/// <summary>A projected document with a queryable owner, written by the projection's own methods.</summary>
public sealed record LedgerSummary(Guid Id, string Owner, decimal Balance, long LastSequence, int Events);

public sealed class LedgerSummaryProjection : SingleStreamProjection<LedgerSummary, Guid>
{
    public LedgerSummary Create(IEvent<LedgerOpened> opened) => new(opened.StreamId, opened.Data.Owner, 0, opened.Sequence, 1);

    public LedgerSummary Apply(IEvent<AmountDeposited> deposited, LedgerSummary current) =>
        current with { Balance = current.Balance + deposited.Data.Amount, LastSequence = deposited.Sequence, Events = current.Events + 1 };

    public LedgerSummary Apply(IEvent<AmountWithdrawn> withdrawn, LedgerSummary current) =>
        current with { Balance = current.Balance - withdrawn.Data.Amount, LastSequence = withdrawn.Sequence, Events = current.Events + 1 };
}

/// <summary>Totals per owner across all of the owner's ledgers.</summary>
public sealed record OwnerTotals(string Id, decimal Deposited, int Deposits);

public sealed record OwnedDeposit(string Owner, decimal Amount);

public sealed class OwnerTotalsProjection : MultiStreamProjection<OwnerTotals, string>
{
    public OwnerTotalsProjection() => Identity<OwnedDeposit>(deposit => deposit.Owner);

    public OwnerTotals Create(OwnedDeposit deposit) => new(deposit.Owner, deposit.Amount, 1);

    public OwnerTotals Apply(OwnedDeposit deposit, OwnerTotals current) =>
        current with { Deposited = current.Deposited + deposit.Amount, Deposits = current.Deposits + 1 };
}

/// <summary>One row per tip, the shape of an audit log.</summary>
public sealed record TipRecord(Guid Id, Guid StreamId, string Channel);

public sealed class TipLogProjection : EventProjection
{
    public TipRecord Create(IEvent<TipReceived> tip) => new(tip.Id, tip.StreamId, tip.Data.Channel);
}

/// <summary>A plain document, stored by sessions.</summary>
public sealed record Officer(Guid Id, string Name, string Unit, int Rank);

/// <summary>Every sequence number applied to a ledger's tally, in order: a skipped or doubled event shows at once.</summary>
public sealed record Tally(Guid Id, IReadOnlyList<long> Sequences);

public sealed class TallyProjection : SingleStreamProjection<Tally, Guid>
{
    public Tally Create(IEvent<LedgerOpened> opened) => new(opened.StreamId, [opened.Sequence]);

    public Tally Apply(IEvent<AmountDeposited> deposited, Tally current) => current with { Sequences = [.. current.Sequences, deposited.Sequence] };
}
