namespace Reporting.EventStore;

internal static class StoreDefaults
{
    /// <summary>Marten's name for the tenant of a store that is not multi-tenant.</summary>
    public const string TenantId = "*DEFAULT*";
}
