using System.Runtime.InteropServices;

namespace Reporting.Sodium.Interop;

// sodium/version.h
internal static partial class Libsodium
{
    [LibraryImport(Name)]
    internal static partial int sodium_library_version_major();

    [LibraryImport(Name)]
    internal static partial int sodium_library_version_minor();

    [LibraryImport(Name)]
    internal static partial IntPtr sodium_version_string();
}
