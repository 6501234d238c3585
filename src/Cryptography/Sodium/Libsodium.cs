namespace Reporting.Cryptography.Sodium;

/// <summary>
/// The few libsodium functions NSec does not offer, one partial file per libsodium header. Nothing else in the project
/// calls native code (an architecture test holds this).
/// </summary>
internal static partial class Libsodium
{
    // The logical name NSec imports too, so the runtime resolves both to the one native asset of the libsodium NuGet
    // package listed in the application's deps.json: a single copy of libsodium in the process, never the system's.
    internal const string Name = "libsodium";

    // Runs before the first call of any binding: libsodium must be initialised before use, and sodium_init is
    // idempotent, so it does not matter whether NSec initialised it first.
    static Libsodium()
    {
        if (sodium_init() < 0)
            throw new InvalidOperationException("libsodium could not be initialised (sodium_init failed).");
    }
}
