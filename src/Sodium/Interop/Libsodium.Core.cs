using System.Runtime.InteropServices;

namespace Reporting.Sodium.Interop;

// sodium/core.h
internal static partial class Libsodium
{
    [LibraryImport(Name)]
    internal static partial int sodium_init();
}
