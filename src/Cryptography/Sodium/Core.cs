using System.Runtime.InteropServices;

namespace Reporting.Cryptography.Sodium;

// sodium/core.h
internal static partial class Libsodium
{
    // Initialises the library before the bindings below are used; NSec's own initialisation is internal to it.
    [LibraryImport(Name)]
    internal static partial int sodium_init();
}
