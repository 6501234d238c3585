using Reporting.Testing.Tools;

namespace Reporting.Disclosure.Tests.TransparencyLog;

/// <summary>
/// src/Disclosure/Verification/tlogverify.go (the program the public site offers at /verify/tlogverify.go) built offline against Debian's golang-golang-x-mod-dev: Go's sumdb/note and sumdb/tlog, the
/// reference our log's formats come from, checking what we export. Built once per test class, on first use.
/// </summary>
public sealed class GoVerifier : IDisposable
{
    public const string XModSource = "/usr/share/gocode/src/golang.org/x/mod/sumdb";
    public const string DebianPackages = "golang-go and golang-golang-x-mod-dev";

    private readonly string _folder = Directory.CreateTempSubdirectory("reporting-tlogverify-").FullName;
    private readonly Lazy<string> _binary;

    public GoVerifier() => _binary = new Lazy<string>(Build);

    public (int ExitCode, string Output, string Error) Run(params string[] arguments) =>
        ExternalTool.Run(_binary.Value, arguments, _folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Build()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TransparencyLog", "GoVerifier", "main.go"), Path.Combine(_folder, "main.go"));
        // GOPATH mode: the build reads x/mod from Debian's source tree and never asks the module proxy.
        var environment = new Dictionary<string, string> { ["GO111MODULE"] = "off", ["GOPATH"] = "/usr/share/gocode", ["GOFLAGS"] = "" };
        var (exitCode, _, error) = ExternalTool.Run("go", ["build", "-o", "tlogverify", "main.go"], _folder, environment: environment);
        Assert.True(exitCode == 0, $"go build failed (install {DebianPackages}): {error}");
        return Path.Combine(_folder, "tlogverify");
    }
}
