namespace Reporting.Storage.Hosting;

/// <summary>The tag of the checks behind <c>/health/ready</c>; <c>/health</c> itself runs none (liveness).</summary>
public static class HealthTags
{
    public const string Ready = "ready";
}
