using System.Reflection;
using System.Runtime.InteropServices;

namespace Reporting.Sodium.Interop;

/// <summary>
/// The P/Invoke surface of libsodium, one partial file per libsodium header.
/// Every declaration names the logical library <see cref="Name"/>; the resolver maps it to the Debian
/// shared object, since Debian ships <c>libsodium.so.23</c> without the unversioned <c>libsodium.so</c> link.
/// </summary>
internal static partial class Libsodium
{
    internal const string Name = "libsodium";

    // An explicit static constructor runs before the first call of any stub in this class, so the
    // resolver is always in place before the runtime tries to bind a libsodium entry point.
    static Libsodium() => NativeLibrary.SetDllImportResolver(typeof(Libsodium).Assembly, Resolve);

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == Name ? LibsodiumLoader.Load() : IntPtr.Zero;
}
