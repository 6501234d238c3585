namespace Reporting.Sodium.Interop;

/// <summary>
/// Loads and initialises libsodium once per process and runs the start-up self-test before any
/// cryptographic operation. Every public entry point that does not already hold a key calls <see cref="EnsureReady"/>.
/// </summary>
internal static class SodiumRuntime
{
    private static readonly Lazy<bool> Ready = new(Initialise, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureReady() => _ = Ready.Value;

    private static bool Initialise()
    {
        LibsodiumLoader.Load();
        if (Libsodium.sodium_init() < 0)
        {
            throw new InvalidOperationException("libsodium could not be initialised (sodium_init failed).");
        }

        LibsodiumSelfTest.Run();
        return true;
    }
}
