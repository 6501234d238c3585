using System.Runtime.InteropServices;

namespace Reporting.Sodium.Interop;

/// <summary>
/// Secret bytes in memory from <c>sodium_malloc</c>: guard pages around it, locked out of swap where the
/// system allows, and zeroed when the handle is released. Secrets of up to 64 bytes take a slot of
/// <see cref="SecretSlotPool"/>; larger ones a <c>sodium_malloc</c> allocation of their own.
/// </summary>
internal sealed class SecureMemoryHandle : SafeHandle
{
    private SecureMemoryHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public int Length { get; private set; }

    private bool _pooled;

    public override bool IsInvalid => handle == IntPtr.Zero;

    public static SecureMemoryHandle Allocate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var memory = new SecureMemoryHandle();
        if (length <= SecretSlotPool.SlotSize)
        {
            memory.SetHandle(SecretSlotPool.Rent());
            memory._pooled = true;
        }
        else
        {
            SodiumRuntime.EnsureReady();
            memory.SetHandle(Libsodium.sodium_malloc((nuint)length));
            if (memory.IsInvalid)
            {
                throw new OutOfMemoryException("sodium_malloc could not allocate guarded memory.");
            }
        }

        memory.Length = length;
        return memory;
    }

    public static SecureMemoryHandle CopyOf(ReadOnlySpan<byte> secret)
    {
        var memory = Allocate(secret.Length);
        using var lease = memory.Lease();
        secret.CopyTo(lease.Span);
        return memory;
    }

    /// <summary>Keeps the memory alive while native code or a span uses it, even if another thread disposes the owner.</summary>
    public SecureMemoryLease Lease()
    {
        var added = false;
        DangerousAddRef(ref added);
        return new SecureMemoryLease(this);
    }

    protected override bool ReleaseHandle()
    {
        if (_pooled)
        {
            SecretSlotPool.Return(handle);
        }
        else
        {
            Libsodium.sodium_free(handle);
        }

        return true;
    }

    internal unsafe byte* Pointer => (byte*)handle;
}

internal readonly unsafe ref struct SecureMemoryLease
{
    private readonly SecureMemoryHandle _memory;

    public SecureMemoryLease(SecureMemoryHandle memory) => _memory = memory;

    public byte* Pointer => _memory.Pointer;

    public Span<byte> Span => new(_memory.Pointer, _memory.Length);

    public void Dispose() => _memory.DangerousRelease();
}
