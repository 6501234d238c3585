using Reporting.CaseManagement.Staff.Passwords;

namespace Reporting.Staff.Tests.Passwords;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("纪检监察举报平台的长口令")]
    [InlineData("Tr0ub4dor&3-rides-again")]
    public void Long_uncommon_passwords_are_accepted(string password)
    {
        Assert.Null(PasswordPolicy.Refusal(password, "registrar1"));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("elevenchars")]
    public void Passwords_under_12_characters_are_refused(string password)
    {
        Assert.Contains("12", PasswordPolicy.Refusal(password, "someone"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("qwertyuiopasdfgh")]
    [InlineData("1q2w3e4r5t6y")]
    [InlineData("PasswordPassword")]
    [InlineData("password2026!!")]
    [InlineData("woaini5201314")]
    [InlineData("iloveyou123456")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("dev-password-change-me")]
    public void Common_passwords_are_refused_whatever_their_case_or_trailing_digits(string password)
    {
        Assert.Contains("common", PasswordPolicy.Refusal(password, "someone"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_containing_the_username_is_refused()
    {
        Assert.Contains("username", PasswordPolicy.Refusal("my-name-is-Investigator2!", "investigator2"), StringComparison.Ordinal);
    }

    [Fact]
    public void Absurdly_long_passwords_are_refused()
    {
        Assert.NotNull(PasswordPolicy.Refusal(new string('x', 200) + Guid.NewGuid() + new string('y', 100), "someone"));
    }
}
