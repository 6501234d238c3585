using Reporting.Testing;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.Registering;
using Marten;

namespace Reporting.CaseManagement.Tests.Http;

/// <summary>Case numbers (案件编号): given at registration, one each, in order, with no gap and no repeat, and found by the list's search.</summary>
public sealed class CaseNumbersOverHttpTests(CaseHost host) : IClassFixture<CaseHost>
{
    private static int Year => WorkingCalendar.DateInChina(DateTimeOffset.UtcNow).Year;

    private static long Serial(string number)
    {
        Assert.Matches($"^{Year}-\\d{{5}}$", number);
        return long.Parse(number[5..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<long> IssuedAsync()
    {
        await using var query = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await query.Events.FetchStreamStateAsync(CaseNumbers.StreamOf(Year)))?.Version ?? 0;
    }

    [Fact]
    public async Task A_case_has_no_number_until_it_is_registered_and_then_the_next_of_the_year_shown_in_the_detail_and_the_list()
    {
        var (_, caseId) = await host.NewCaseAsync();
        Assert.Equal(JsonValueKind.Null, (await host.DetailAsync(caseId)).GetProperty("caseNumber").ValueKind);
        var before = await IssuedAsync();

        var registered = await host.RegisterAsync(caseId, realName: false);

        var number = registered.GetProperty("caseNumber").GetString()!;
        Assert.Equal(before + 1, Serial(number));
        var found = await host.GetJsonAsync("registrar1", $"/api/cases?q={number}");
        var item = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal((caseId.ToString(), number), (item.GetProperty("caseId").GetString(), item.GetProperty("caseNumber").GetString()));
        Assert.Equal(0, (await host.GetJsonAsync("registrar1", $"/api/cases?q={Year}-99999")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Registrations_at_once_take_consecutive_numbers_none_twice_and_none_skipped()
    {
        var cases = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => host.NewCaseAsync()));
        var before = await IssuedAsync();

        var registered = await Task.WhenAll(cases.Select(c => host.RegisterAsync(c.CaseId, realName: false)));

        var serials = registered.Select(detail => Serial(detail.GetProperty("caseNumber").GetString()!)).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, 8).Select(i => before + i), serials);
        Assert.Equal(before + 8, await IssuedAsync());
    }

    [Fact]
    public async Task A_refused_registration_uses_no_number_and_a_number_sent_in_the_body_is_ignored()
    {
        var (_, first) = await host.NewCaseAsync();
        var (_, second) = await host.NewCaseAsync();
        var before = await IssuedAsync();

        var refused = await host.SendAsync(HttpMethod.Post, $"/api/cases/{first}/actions/register", "registrar1", CaseFlowWalks.Registration(realName: true));
        var registered = await host.ActAsync("registrar1", second, "register", new
        {
            categories = new[] { "integrity" },
            accused = new[] { new { name = "王五", position = "科长", organization = "某县某局" } },
            summary = "虚报冒领补贴",
            realName = false,
            number = $"{Year}-77777",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(before + 1, Serial(registered.GetProperty("caseNumber").GetString()!));
        Assert.Equal(before + 1, await IssuedAsync());
    }
}
