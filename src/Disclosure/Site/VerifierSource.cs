namespace Reporting.Disclosure.Site;

/// <summary>The Go verifier the guide tells the public to build: the very file the project's own tests build and run.</summary>
internal static class VerifierSource
{
    public static readonly byte[] Bytes = Load();

    private static byte[] Load()
    {
        using var stream = typeof(VerifierSource).Assembly.GetManifestResourceStream("Reporting.Disclosure.Verification.tlogverify.go")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
