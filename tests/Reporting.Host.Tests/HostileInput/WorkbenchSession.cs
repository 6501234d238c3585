using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Reporting.Host.Tests.HostileInput;

/// <summary>
/// A workbench session as a browser gets one: the sign-in form's antiforgery token, the session cookie it sets, and
/// a fresh form token for that signed-in user. Cookies are carried by hand: the session cookie is __Host- and
/// Secure, which HttpClient will not send over plain loopback HTTP, though browsers do.
/// </summary>
internal static partial class WorkbenchSession
{
    public static async Task<(string Cookies, string FormToken)> SignInAsync(int port, string username, string password)
    {
        var cookies = new Dictionary<string, string>();
        var signInPage = await GetAsync(port, "/staff/sign-in", cookies);
        var form = $"username={username}&password={WebUtility.UrlEncode(password)}&returnTo=%2Fstaff&__form={WebUtility.UrlEncode(TokenIn(signInPage.Body))}";
        var signedIn = await RawHttp.SendAsync(port, "POST", "/staff/sign-in",
            ["Host: localhost", "Connection: close", "Content-Type: application/x-www-form-urlencoded", $"Content-Length: {form.Length}", CookieLine(cookies)],
            Encoding.ASCII.GetBytes(form));
        if (signedIn.Status != 302)
            throw new InvalidOperationException($"Workbench sign-in answered {signedIn.Status}.");
        Keep(signedIn, cookies);
        var page = await GetAsync(port, "/staff/cases", cookies);
        return (string.Join("; ", cookies.Select(pair => $"{pair.Key}={pair.Value}")), TokenIn(page.Body));
    }

    private static async Task<RawHttp.Answer> GetAsync(int port, string path, Dictionary<string, string> cookies)
    {
        var answer = await RawHttp.SendAsync(port, "GET", path, ["Host: localhost", "Connection: close", CookieLine(cookies)], []);
        Keep(answer, cookies);
        return answer;
    }

    private static string CookieLine(Dictionary<string, string> cookies) =>
        "Cookie: " + (cookies.Count == 0 ? "none=1" : string.Join("; ", cookies.Select(pair => $"{pair.Key}={pair.Value}")));

    private static void Keep(RawHttp.Answer answer, Dictionary<string, string> cookies)
    {
        foreach (var cookie in answer.All("Set-Cookie"))
        {
            var pair = cookie.Split(';')[0].Split('=', 2);
            cookies[pair[0]] = pair[1];
        }
    }

    private static string TokenIn(string page) =>
        WebUtility.HtmlDecode(FormField().Match(page) is { Success: true } match ? match.Groups["value"].Value
            : throw new InvalidOperationException("The page holds no antiforgery field."));

    [GeneratedRegex(@"name=""__form""[^>]*value=""(?<value>[^""]+)""|value=""(?<value>[^""]+)""[^>]*name=""__form""")]
    private static partial Regex FormField();
}
