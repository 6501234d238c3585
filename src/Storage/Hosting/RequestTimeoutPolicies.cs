namespace Reporting.Storage.Hosting;

/// <summary>
/// Names of the host's request-timeout policies. Every route has the default one; a route that moves a whole file
/// (an attachment up from an informant on Tor, or down to an investigator) names <see cref="Transfers"/>.
/// </summary>
public static class RequestTimeoutPolicies
{
    public const string Transfers = "transfers";
}
