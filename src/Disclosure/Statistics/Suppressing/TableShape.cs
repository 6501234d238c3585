namespace Reporting.Disclosure.Statistics.Suppressing;

/// <summary>An additive relation every reader knows: the total cell is the sum of the part cells.</summary>
internal sealed record Relation(int Total, IReadOnlyList<int> Parts)
{
    public IEnumerable<int> Cells => Parts.Prepend(Total);
}

/// <summary>
/// The cells of a table (by index), the relations between them, and the stages in which they become public:
/// the cells of a stage are marked when it comes out, and their marks never change after that.
/// </summary>
internal sealed record TableShape(int CellCount, IReadOnlyList<Relation> Relations, IReadOnlyList<IReadOnlyList<int>> Stages);

/// <summary>How a cell is shown: its figure, <c>&lt;5</c>, or withheld so that no small figure can be worked out.</summary>
internal enum CellMark
{
    Unpublished,
    Published,
    Small,
    Withheld,
}

/// <summary>
/// What a published table must not let a reader establish: that <see cref="Cells"/> add up to exactly
/// <see cref="Value"/>, or to <see cref="Value"/> or more (<see cref="AtLeast"/>). A question is answered by a witness:
/// a table of whole numbers, different from the true one, that shows the reader nothing different.
/// </summary>
internal sealed record Question(IReadOnlyList<int> Cells, int Value, bool AtLeast);
