using System.Collections.Concurrent;
using Reporting.Sodium.Interop;

namespace Reporting.Sodium.Tests;

/// <summary>Small secrets share locked regions in slots; what matters is that a slot never leaks its last secret or is handed out twice.</summary>
public class SecureMemoryTests
{
    [Fact]
    public unsafe void A_released_slot_is_zeroed_before_anyone_gets_it_again()
    {
        nint address;
        using (var first = SecureMemoryHandle.Allocate(32))
        {
            using var lease = first.Lease();
            lease.Span.Fill(0xA5);
            address = (nint)lease.Pointer;
        }

        // Slots are handed out last in, first out, and nothing else on this thread allocates in between; other tests'
        // threads may, so the slot is looked for among a few allocations rather than assumed to come first.
        var taken = new List<SecureMemoryHandle>();
        try
        {
            for (var i = 0; i < 64; i++)
            {
                var next = SecureMemoryHandle.Allocate(SecretSlotPool.SlotSize);
                taken.Add(next);
                using var lease = next.Lease();
                if ((nint)lease.Pointer != address)
                    continue;
                Assert.True(lease.Span.IndexOfAnyExcept((byte)0) < 0, "the slot still held the released secret");
                return;
            }
            Assert.Fail("the released slot was not handed out again");
        }
        finally
        {
            taken.ForEach(handle => handle.Dispose());
        }
    }

    [Fact]
    public unsafe void Slots_held_at_once_never_overlap_even_when_taken_from_many_threads()
    {
        var held = new ConcurrentBag<SecureMemoryHandle>();
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var memory = SecureMemoryHandle.Allocate(1 + (i % SecretSlotPool.SlotSize));
            using (var lease = memory.Lease())
                lease.Span.Fill((byte)i);
            held.Add(memory);
            if (i % 3 == 0)
            {
                // Some are given back while others are taken, as keys are in a running host.
                if (held.TryTake(out var back))
                    back.Dispose();
            }
        });

        var starts = new List<long>();
        foreach (var memory in held)
        {
            using var lease = memory.Lease();
            starts.Add((long)lease.Pointer);
        }
        starts.Sort();
        for (var i = 1; i < starts.Count; i++)
            Assert.True(starts[i] - starts[i - 1] >= SecretSlotPool.SlotSize, "two live secrets share memory");
        foreach (var memory in held)
            memory.Dispose();
    }

    /// <summary>
    /// <c>sodium_malloc</c> puts an allocation's end against its trailing guard page; a slot ends there only if it is
    /// the last of its page. Allocations just over a slot's size all ending on a page boundary shows they are each a
    /// <c>sodium_malloc</c> of their own, with the guard page right behind them.
    /// </summary>
    [Fact]
    public unsafe void Secrets_larger_than_a_slot_get_guarded_memory_of_their_own()
    {
        var sizes = new[] { SecretSlotPool.SlotSize + 16, SecretSlotPool.SlotSize * 3, 4000 };
        foreach (var size in sizes)
        {
            using var large = SecureMemoryHandle.Allocate(size);
            using var lease = large.Lease();
            lease.Span.Fill(0x5A);

            Assert.Equal(size, lease.Span.Length);
            Assert.Equal(0, ((long)lease.Pointer + size) % Environment.SystemPageSize);
        }
    }
}
