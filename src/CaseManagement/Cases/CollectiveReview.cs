using FluentValidation;

namespace Reporting.CaseManagement.Cases;

internal static class CollectiveReview
{
    public const int MinimumParticipants = 2;

    /// <summary>A collective review (集体研究) is a meeting: at least two distinct participants, each named.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string>> ParticipantsOfCollectiveReview<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) =>
        rule.NotNull()
            .Must(participants => participants.Distinct(StringComparer.Ordinal).Count() >= MinimumParticipants)
            .WithMessage($"A collective review has at least {MinimumParticipants} distinct participants.")
            .Must(participants => participants.All(name => !string.IsNullOrWhiteSpace(name) && name.Length <= 100))
            .WithMessage("Each participant is named (at most 100 characters).");
}
