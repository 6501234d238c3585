using Reporting.Sodium.Interop;

namespace Reporting.Sodium.Tests;

public class LibsodiumRuntimeTests
{
    [Fact]
    public void The_system_library_passes_the_start_up_self_test()
    {
        SodiumRuntime.EnsureReady();

        Assert.True(LibsodiumSelfTest.IsSupportedVersion(Libsodium.sodium_library_version_major(), Libsodium.sodium_library_version_minor()));
        Assert.All(LibsodiumSelfTest.SizeConstants(), constant => Assert.Equal(constant.Expected, constant.Actual));
        Assert.True(LibsodiumSelfTest.SizeConstants().Count() >= 30);
    }

    [Theory]
    [InlineData(10, 3, true)]
    [InlineData(10, 4, true)]
    [InlineData(11, 0, true)]
    [InlineData(10, 2, false)]
    [InlineData(9, 9, false)]
    public void Only_libsodium_1_0_18_or_later_is_accepted(int major, int minor, bool supported)
    {
        Assert.Equal(supported, LibsodiumSelfTest.IsSupportedVersion(major, minor));
    }

    [Fact]
    public void A_missing_library_names_the_Debian_package_to_install()
    {
        var missing = Assert.Throws<DllNotFoundException>(() => LibsodiumLoader.Load("libsodium.so.999"));

        Assert.Contains("libsodium23", missing.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install", missing.Message, StringComparison.Ordinal);
    }
}
