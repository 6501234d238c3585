namespace Reporting.Host;

/// <summary>
/// Which surfaces this process serves (<c>Modules</c> in configuration, <c>--modules</c> on the command line).
/// An internet-facing deployment runs only <c>intake</c>, which can seal reports but decrypt none.
/// </summary>
public sealed record ModuleSelection(bool Intake, bool Cases, bool Disclosure)
{
    public static readonly IReadOnlyList<string> Names = ["intake", "cases", "disclosure"];

    public static ModuleSelection From(IConfiguration configuration)
    {
        var configured = configuration["Modules"];
        if (string.IsNullOrWhiteSpace(configured))
            return new(true, true, true);
        var names = configured.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => name.ToLowerInvariant())
            .ToHashSet();
        var unknown = names.Except(Names).ToArray();
        if (unknown.Length > 0)
            throw new InvalidOperationException($"Unknown module(s) {string.Join(", ", unknown)}; the modules are {string.Join(", ", Names)}.");
        return new(names.Contains("intake"), names.Contains("cases"), names.Contains("disclosure"));
    }
}
