using Reporting.Disclosure.Publication;

namespace Reporting.Disclosure.Log;

/// <summary>
/// The log's c2sp.org/tlog-policy: its vkeys. No witness lines yet: the office has none, and a policy naming witnesses
/// that do not cosign would make every checkpoint fail its quorum.
/// </summary>
internal static class LogPolicy
{
    public static string Text(DisclosureKeyring keyring) =>
        string.Concat(keyring.LogVerifierKeys.Select(key => $"log {key}\n")) + "quorum none\n";
}
