using System.Runtime.InteropServices;

namespace Reporting.Sodium.Interop;

// sodium/randombytes.h
internal static unsafe partial class Libsodium
{
    [LibraryImport(Name)]
    internal static partial void randombytes_buf(byte* buf, nuint size);
}
