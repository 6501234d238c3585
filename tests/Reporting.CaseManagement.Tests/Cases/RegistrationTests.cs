using Reporting.Storage.Shredding;
using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.Registering;
using Reporting.Intake.Contracts;
using static Reporting.CaseManagement.Tests.Specification;
using static Reporting.CaseManagement.Tests.Staff;

namespace Reporting.CaseManagement.Tests.Cases;

public sealed class RegistrationTests
{
    private static readonly DateTimeOffset Now = CaseHistory.DefaultClock;

    [Fact]
    public void A_registrar_registers_a_real_name_report_and_the_acceptance_notice_falls_due_15_working_days_after_receipt()
    {
        var command = CaseHistory.Registration(realName: true);

        Given(CaseHistory.Submitted(realName: true))
            .When(Registrar, command)
            .Then(
                new CaseRegistered(command.Categories, new Shreddable<IReadOnlyList<AccusedPerson>>(command.Accused), command.Summary, true, "online", false, "registrar1", Now),
                // Received Monday 2 March 2026; 15 working days later, with no holiday between, is Monday 23 March.
                new DeadlineStarted(new Deadline(DeadlineKind.AcceptanceNotice, new DateOnly(2026, 3, 2), 15, DeadlineUnit.WorkingDays, new DateOnly(2026, 3, 23), null)));
    }

    [Fact]
    public void An_anonymous_report_is_registered_without_an_acceptance_notice_deadline()
    {
        var command = CaseHistory.Registration(realName: false);

        Given(CaseHistory.Submitted(realName: false))
            .When(Registrar, command)
            .Then(new CaseRegistered(command.Categories, new Shreddable<IReadOnlyList<AccusedPerson>>(command.Accused), command.Summary, false, "online", false, "registrar1", Now));
    }

    [Fact]
    public void The_case_number_drawn_for_the_registration_is_recorded_with_it_and_becomes_the_cases()
    {
        var command = CaseHistory.Registration(realName: false) with { Number = "2026-00042" };

        var history = Given(CaseHistory.Submitted(realName: false)).When(Registrar, command);

        history.Then(
            new CaseRegistered(command.Categories, new Shreddable<IReadOnlyList<AccusedPerson>>(command.Accused), command.Summary, false, "online", false, "registrar1", Now),
            new CaseNumbered("2026-00042", Now));
        Assert.Equal("2026-00042", CaseState.Rebuild([.. CaseHistory.Submitted(realName: false).Events, .. history.Events()]).Number);
    }

    [Fact]
    public void A_case_number_is_never_read_from_a_request_body() =>
        Assert.Null(System.Text.Json.JsonSerializer.Deserialize<RegisterCase>(
            """{"categories":["integrity"],"accused":[{"name":"X"}],"summary":"S","realName":false,"number":"2026-77777"}""",
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!.Number);

    [Theory]
    [InlineData("2026-00042", true)]
    [InlineData("2026-123456", true)]
    [InlineData("2026-0004a", false)]
    [InlineData("20260-0042", false)]
    [InlineData("张三", false)]
    public void What_looks_like_a_case_number(string text, bool expected) => Assert.Equal(expected, CaseNumbers.LooksLikeOne(text));

    /// <summary>A known answer: a changed derivation would start every year's numbering again from 1.</summary>
    [Fact]
    public void Each_year_has_its_own_counter_stream_the_same_on_every_host()
    {
        Assert.Equal(Guid.Parse("703da4a4-85d1-8b8d-a9fc-22ff7e36bd0d"), CaseNumbers.StreamOf(2026));
        Assert.NotEqual(CaseNumbers.StreamOf(2026), CaseNumbers.StreamOf(2027));
    }

    [Fact]
    public void A_report_accusing_the_organs_head_starts_the_5_working_day_bypass_deadline()
    {
        var command = CaseHistory.Registration(realName: false, accusesHead: true);

        Given(CaseHistory.Submitted(realName: false))
            .When(Registrar, command)
            .Then(
                new CaseRegistered(command.Categories, new Shreddable<IReadOnlyList<AccusedPerson>>(command.Accused), command.Summary, false, "online", true, "registrar1", Now),
                new DeadlineStarted(new Deadline(DeadlineKind.Bypass, new DateOnly(2026, 3, 2), 5, DeadlineUnit.WorkingDays, new DateOnly(2026, 3, 9), null)));
    }

    [Fact]
    public void Only_a_registrar_registers() =>
        Given(CaseHistory.Submitted()).When(Supervisor1, CaseHistory.Registration()).ThenRefused(RefusalKind.Forbidden, "Only a registrar may register");

    [Fact]
    public void A_report_is_registered_once() =>
        Given(CaseHistory.Submitted().Registered()).When(Registrar, CaseHistory.Registration()).ThenRefused(RefusalKind.Conflict, "only when it is 'submitted'");

    [Fact]
    public void Registration_keeps_the_informants_choice_of_real_name() =>
        Given(CaseHistory.Submitted(realName: true))
            .When(Registrar, CaseHistory.Registration(realName: false))
            .ThenRefused(RefusalKind.Invalid, "the report is real-name");

    [Fact]
    public void Registration_needs_known_categories_an_accused_person_and_a_summary()
    {
        var refusal = Given(CaseHistory.Submitted())
            .When(Registrar, new RegisterCase(["integrity", "gossip"], [], "", true, "carrier-pigeon"))
            .ThenRefused(RefusalKind.Invalid, "'gossip' is not a category.");

        Assert.Equal(["accused", "categories[1]", "channel", "summary"], refusal.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Registering_tells_the_informant_nothing_new()
    {
        var events = Given(CaseHistory.Submitted()).When(Registrar, CaseHistory.Registration()).Events();

        Assert.DoesNotContain(events, e => e is InformantStageChanged);
    }
}
