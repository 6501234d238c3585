using Reporting.Intake.Reports.Submitting;

namespace Reporting.Intake.Tests.Reports;

public sealed class ReportValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 3, 0, 0, TimeSpan.Zero);
    private readonly ReportValidator _validator = new(new ManualClock(Now));

    public static Report Valid() => new(
        Accused: [new AccusedPerson("张三", "局长", "某市某局", "处级", "某省某市")],
        Categories: ["integrity"],
        Title: "收受礼金",
        Details: "二〇二六年春节前后多次收受管理服务对象所送礼金，数额较大。",
        OccurredFrom: new DateOnly(2026, 2, 1),
        OccurredTo: null,
        Location: null,
        Informant: null,
        Language: "zh-CN");

    public static TheoryData<string, Report, string> Refused()
    {
        var valid = Valid();
        var person = valid.Accused![0];
        return new TheoryData<string, Report, string>
        {
            { "no accused", valid with { Accused = [] }, "Accused" },
            { "accused missing", valid with { Accused = null }, "Accused" },
            { "21 accused", valid with { Accused = Enumerable.Repeat(person, 21).ToArray() }, "Accused" },
            { "accused without a name", valid with { Accused = [person with { Name = " " }] }, "Accused[0].Name" },
            { "accused name of 101 characters", valid with { Accused = [person, person with { Name = new string('名', 101) }] }, "Accused[1].Name" },
            { "no category", valid with { Categories = [] }, "Categories" },
            { "six categories", valid with { Categories = ["political", "organizational", "integrity", "mass", "work", "other"] }, "Categories" },
            { "unknown category", valid with { Categories = ["gossip"] }, "Categories[0]" },
            { "category twice", valid with { Categories = ["mass", "mass"] }, "Categories" },
            { "empty title", valid with { Title = "" }, "Title" },
            { "title of 201 characters", valid with { Title = new string('题', 201) }, "Title" },
            { "details of 19 characters", valid with { Details = new string('详', 19) }, "Details" },
            { "details of 20,001 characters", valid with { Details = new string('详', 20_001) }, "Details" },
            { "occurredFrom tomorrow in Beijing", valid with { OccurredFrom = new DateOnly(2026, 6, 2) }, "OccurredFrom" },
            { "occurredTo in the future", valid with { OccurredTo = new DateOnly(2027, 1, 1) }, "OccurredTo" },
            { "occurredTo before occurredFrom", valid with { OccurredTo = new DateOnly(2026, 1, 1) }, "OccurredTo" },
            { "real name without a name", valid with { Informant = new RealNameInformant(null, "13800000000", null, null, null) }, "Informant.Name" },
            { "real name without a phone", valid with { Informant = new RealNameInformant("李四", null, null, null, null) }, "Informant.Phone" },
            { "real name with a phone that is not one", valid with { Informant = new RealNameInformant("李四", "call me", null, null, null) }, "Informant.Phone" },
            { "control character in the title", valid with { Title = "收受\u0007礼金" }, "Title" },
            { "carriage return in the details", valid with { Details = valid.Details + "\r" }, "Details" },
            { "escape in an accused's organization", valid with { Accused = [person with { Organization = "某局\u001b[2J" }] }, "Accused[0].Organization" },
            { "bidirectional override in a name", valid with { Accused = [person with { Name = "张\u202E三" }] }, "Accused[0].Name" },
            { "location of 201 characters", valid with { Location = new string('地', 201) }, "Location" },
            { "unknown language", valid with { Language = "fr" }, "Language" },
        };
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_report_breaking_a_rule_is_refused_on_that_field(string rule, Report report, string field)
    {
        var result = _validator.Validate(report);

        Assert.False(result.IsValid, rule);
        Assert.Contains(result.Errors, error => error.PropertyName == field);
    }

    [Fact]
    public void A_report_within_every_limit_is_accepted_with_newlines_and_tabs_in_the_details()
    {
        var report = Valid() with
        {
            Details = "第一段。\n\t第二段，写明时间地点经过，至少二十个字符。",
            OccurredFrom = new DateOnly(2026, 6, 1),
            Informant = new RealNameInformant("李四", "+86 138-0000-0000", "li@example.cn", "11010519491231002X", "某市某区"),
            Categories = ["political", "organizational", "integrity", "mass", "work"],
        };

        var result = _validator.Validate(report);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void Field_paths_follow_the_contract_spelling()
    {
        var result = _validator.Validate(Valid() with { Accused = [new AccusedPerson(null, null, null, null, null)] });

        Assert.Equal(["report.accused[0].name"], ValidationErrors.ByField(result.Errors, "report").Keys);
    }
}
