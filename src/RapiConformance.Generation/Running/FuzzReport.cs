namespace RapiConformance.Generation.Running;

/// <summary>The result of a fuzz run: what was sent, what was found, and the figures.</summary>
public sealed record FuzzReport
{
    public required string Target { get; init; }
    public required string Profile { get; init; }
    public required ulong Seed { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public double DurationSeconds { get; init; }
    public long Cases { get; init; }
    public long Requests { get; init; }
    public double RequestsPerSecond { get; init; }
    public int Sequences { get; init; }
    public int SequenceSteps { get; init; }
    public int DroppedFalsePositives { get; init; }

    /// <summary>Write scope of the run: "all" or "own".</summary>
    public string WriteScope { get; init; } = "all";

    /// <summary>Generated cases not sent because the write scope forbids them.</summary>
    public long WithheldCases { get; init; }

    /// <summary>What the clean-up phase did (write scope "own"); null when there was none.</summary>
    public string? Cleanup { get; init; }
    public IReadOnlyDictionary<string, long> CasesByExpectation { get; init; } = new Dictionary<string, long>();
    public IReadOnlyDictionary<string, long> StatusCounts { get; init; } = new Dictionary<string, long>();
    public IReadOnlyDictionary<string, long> CasesByOperation { get; init; } = new Dictionary<string, long>();
    public IReadOnlyList<FuzzObservation> Observations { get; init; } = [];
    public IReadOnlyList<FuzzFailure> Failures { get; init; } = [];
    public bool Passed => Failures.Count == 0;
}

/// <summary>Something worth a look that is not a failure (for example a valid request refused by a handler rule the schema cannot express).</summary>
public sealed record FuzzObservation(string Kind, string OperationId, long Count, string Example);
