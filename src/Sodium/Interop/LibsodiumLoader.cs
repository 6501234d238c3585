using System.Runtime.InteropServices;

namespace Reporting.Sodium.Interop;

/// <summary>Loads the system's libsodium once and explains what to install when it is missing.</summary>
internal static class LibsodiumLoader
{
    internal const string SharedObject = "libsodium.so.23";
    internal const string DebianPackage = "libsodium23";

    private static readonly Lazy<IntPtr> Handle = new(() => Load(SharedObject));

    internal static IntPtr Load() => Handle.Value;

    internal static IntPtr Load(string sharedObject)
    {
        if (NativeLibrary.TryLoad(sharedObject, out var handle))
        {
            return handle;
        }

        throw new DllNotFoundException(
            $"libsodium 1.0.18 or later ({sharedObject}) could not be loaded. " +
            $"Install the Debian package {DebianPackage} (apt-get install {DebianPackage}).");
    }
}
