namespace RapiConformance.Load.Engine;

/// <summary>Everything a run measured; report.json is this record, the HTML page is drawn from it.</summary>
public sealed record LoadReport
{
    public string Tool { get; init; } = "rapi-conformance load";
    public required DateTimeOffset StartedUtc { get; init; }
    public required string Target { get; init; }
    public required string Operation { get; init; }
    public required string OperationDescription { get; init; }
    /// <summary>"open" (constant arrival rate) or "closed" (fixed concurrency).</summary>
    public required string Model { get; init; }
    public required double AskedPerSecond { get; init; }
    public int? Concurrency { get; init; }
    public required double WarmupSeconds { get; init; }
    public required double DurationSeconds { get; init; }
    /// <summary>Measured seconds actually run (shorter than asked after Ctrl-C or the request cap).</summary>
    public required double MeasuredSeconds { get; init; }
    public required long MaxRequests { get; init; }
    /// <summary>"duration", "max-requests" or "interrupted".</summary>
    public required string StoppedBy { get; init; }
    public required long Issued { get; init; }
    public required long WarmupIssued { get; init; }
    public required long MeasuredSent { get; init; }
    public required long MeasuredSucceeded { get; init; }
    public required long MeasuredFailed { get; init; }
    public required double AchievedPerSecond { get; init; }
    /// <summary>From the intended send time to the answer (coordinated omission corrected).</summary>
    public required LatencySummary ResponseTime { get; init; }
    /// <summary>From the moment the request was actually handed to the socket to the answer.</summary>
    public required LatencySummary ServiceTime { get; init; }
    /// <summary>How late the generator sent requests after their intended time; large values mean the generator, not the server, was the limit.</summary>
    public required LatencySummary DispatchLag { get; init; }
    public required bool SubmitsJobs { get; init; }
    public long JobsSubmitted { get; init; }
    public long JobsSucceeded { get; init; }
    public long JobsFailed { get; init; }
    public long JobsUnfinished { get; init; }
    /// <summary>From the intended send time of the submission to the job's terminal status.</summary>
    public LatencySummary JobCompletion { get; init; } = LatencySummary.Empty;
    public double JobsCompletedPerSecond { get; init; }
    public required IReadOnlyDictionary<string, long> Errors { get; init; }
    public required IReadOnlyList<TimelinePoint> Timeline { get; init; }
    /// <summary>What the clean-up after the run removed or restored on the target (null: nothing to do).</summary>
    public string? Cleanup { get; init; }
}
