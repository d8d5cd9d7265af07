namespace RapiConformance.Differential;

/// <summary>A whole differential run: every step's outcome, the differences split into unexpected and documented.</summary>
public sealed record DiffResult(
    string A,
    string B,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    IReadOnlyList<StepOutcome> Steps,
    IReadOnlyList<string> OperationsCompared,
    int OperationsInSpec)
{
    public IEnumerable<Difference> AllDifferences => Steps.SelectMany(s => s.Differences);

    public IReadOnlyList<Difference> Unexpected => AllDifferences.Where(d => !d.Documented).ToList();

    public IReadOnlyList<Difference> Documented => AllDifferences.Where(d => d.Documented).ToList();

    public int Compared => Steps.Count(s => !s.Skipped);

    public int SkippedCount => Steps.Count(s => s.Skipped);
}
