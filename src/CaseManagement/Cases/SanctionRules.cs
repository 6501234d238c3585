using FluentValidation;
using Reporting.CaseManagement.Contracts;

namespace Reporting.CaseManagement.Cases;

/// <summary>The sanction types of the HTTP contract and their periods.</summary>
internal static class SanctionRules
{
    public static readonly IReadOnlyList<int> ProbationMonths = [12, 24];

    /// <summary>
    /// At most one party sanction and one administrative sanction (the heaviest applies; they do not add up), any other
    /// dispositions beside them. The period is given only for probation (1 or 2 years); administrative periods are statutory.
    /// </summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<Sanction>> ValidSanctions<T>(this IRuleBuilder<T, IReadOnlyList<Sanction>> rule) =>
        rule.NotEmpty()
            .Must(sanctions => sanctions.All(s => s is not null)).WithMessage("Each sanction is an object with a kind and a type.")
            .Must(sanctions => sanctions.Count(s => s.Kind == SanctionKind.Party) <= 1).WithMessage("At most one party sanction.")
            .Must(sanctions => sanctions.Count(s => s.Kind == SanctionKind.Administrative) <= 1).WithMessage("At most one administrative sanction.")
            .Must(sanctions => sanctions.All(s => Describe(s) is null))
            .WithMessage((_, sanctions) => string.Join(" ", sanctions.Select(Describe).OfType<string>()));

    /// <summary>The sanctions with their statutory periods filled in.</summary>
    public static IReadOnlyList<Sanction> WithPeriods(IEnumerable<Sanction> sanctions) =>
        sanctions.Select(s => s.Kind == SanctionKind.Administrative ? s with { PeriodMonths = AdministrativeSanction.PeriodMonths[s.Type] } : s).ToArray();

    private static string? Describe(Sanction sanction) => sanction.Kind switch
    {
        SanctionKind.Party or SanctionKind.Administrative or SanctionKind.Other when sanction.Type is null => $"A sanction of kind '{sanction.Kind}' names its type.",
        SanctionKind.Party when !PartySanction.All.Contains(sanction.Type) => $"'{sanction.Type}' is not a party sanction.",
        SanctionKind.Party when sanction.Type == PartySanction.Probation && !ProbationMonths.Contains(sanction.PeriodMonths ?? 0) =>
            "Probation (留党察看) is for 12 or 24 months.",
        SanctionKind.Party when sanction.Type != PartySanction.Probation && sanction.PeriodMonths is not null => $"'{sanction.Type}' has no period.",
        SanctionKind.Party => null,
        SanctionKind.Administrative when !AdministrativeSanction.PeriodMonths.ContainsKey(sanction.Type) => $"'{sanction.Type}' is not an administrative sanction.",
        SanctionKind.Administrative when sanction.PeriodMonths is not null => "Administrative sanctions have statutory periods; give none.",
        SanctionKind.Administrative => null,
        SanctionKind.Other when !OtherDisposition.All.Contains(sanction.Type) => $"'{sanction.Type}' is not one of the other dispositions.",
        SanctionKind.Other when sanction.PeriodMonths is not null => $"'{sanction.Type}' has no period.",
        SanctionKind.Other => null,
        _ => $"Kind '{sanction.Kind}' is not 'party', 'administrative' or 'other'.",
    };
}
