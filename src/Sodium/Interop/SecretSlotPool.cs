namespace Reporting.Sodium.Interop;

/// <summary>
/// Small secrets (keys, seeds, shared secrets, stream states: all at most 64 bytes) in slots cut from regions of
/// <c>sodium_malloc</c> memory. Each <c>sodium_malloc</c> call costs an mmap, several mprotects, an mlock and, on
/// release, an munlock and an munmap whose TLB shootdowns stall every core: at a thousand reports a second that was a
/// sixth of the machine. A region keeps what mattered: locked out of swap, left out of core dumps, guard pages and a
/// canary at its ends; and every slot is zeroed before it is handed out again. What a slot gives up is a guard page of
/// its own, so an overrun of one key would reach its neighbour rather than fault: nothing here writes past a span's
/// length, and libsodium writes fixed sizes. The same design as Botan's locking allocator.
/// </summary>
internal static unsafe class SecretSlotPool
{
    public const int SlotSize = 64;

    /// <summary>Four pages: 256 slots, so a region is rarely added and never returned (a burst's high-water mark stays locked).</summary>
    private const int RegionSize = 16 * 1024;

    private static readonly Lock Gate = new();
    private static readonly Stack<nint> Free = new();

    public static nint Rent()
    {
        lock (Gate)
        {
            if (Free.Count == 0)
                AddRegion();
            return Free.Pop();
        }
    }

    public static void Return(nint slot)
    {
        Libsodium.sodium_memzero((byte*)slot, SlotSize);
        lock (Gate)
            Free.Push(slot);
    }

    private static void AddRegion()
    {
        // sodium_malloc reads the page size sodium_init records: called before it, it computes with a page of 0 and crashes.
        SodiumRuntime.EnsureReady();
        var region = Libsodium.sodium_malloc(RegionSize);
        if (region == IntPtr.Zero)
            throw new OutOfMemoryException("sodium_malloc could not allocate guarded memory.");
        Libsodium.sodium_memzero((byte*)region, RegionSize);
        // Pushed from the end, so that slots are handed out from the start of the region.
        for (var offset = RegionSize - SlotSize; offset >= 0; offset -= SlotSize)
            Free.Push(region + offset);
    }
}
