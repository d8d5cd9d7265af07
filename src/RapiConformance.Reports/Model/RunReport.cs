namespace RapiConformance.Reports;

/// <summary>
/// The whole report of one run: report.json is this object, and junit.xml and report.html are rendered from
/// it. Other verbs add their findings to <see cref="Fuzz"/> and <see cref="Diff"/>; the conformance parts do
/// not touch them.
/// </summary>
public sealed record RunReport
{
    public int SchemaVersion { get; init; } = 1;
    public string Tool { get; init; } = "rapi-conformance";
    public required string Target { get; init; }
    public required string Profile { get; init; }
    public string? ProfileDetection { get; init; }
    public required int Seed { get; init; }
    public required string Suite { get; init; }
    public required DateTimeOffset Started { get; init; }
    public required DateTimeOffset Finished { get; init; }
    public required ReportSummary Summary { get; init; }
    public IReadOnlyList<CheckInfo> Checks { get; init; } = [];
    public IReadOnlyList<ResultRow> Results { get; init; } = [];
    public required CoverageReport Coverage { get; init; }
    public BaselineComparison? Baseline { get; init; }
    public IReadOnlyList<string> CleanupProblems { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Filled by the fuzz verb: failures found by generated requests.</summary>
    public IReadOnlyList<FuzzFinding> Fuzz { get; init; } = [];

    /// <summary>Filled by the diff verb: where two servers answered differently.</summary>
    public IReadOnlyList<DiffFinding> Diff { get; init; } = [];
}
