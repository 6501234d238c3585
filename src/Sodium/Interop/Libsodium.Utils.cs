using System.Runtime.InteropServices;

namespace Reporting.Sodium.Interop;

// sodium/utils.h
internal static unsafe partial class Libsodium
{
    [LibraryImport(Name)]
    internal static partial int sodium_memcmp(byte* b1, byte* b2, nuint len);

    [LibraryImport(Name)]
    internal static partial void sodium_memzero(byte* pnt, nuint len);

    [LibraryImport(Name)]
    internal static partial IntPtr sodium_malloc(nuint size);

    [LibraryImport(Name)]
    internal static partial void sodium_free(IntPtr ptr);
}
