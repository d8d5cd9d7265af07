namespace RapiConformance.Load.Engine;

/// <summary>One point of the time series: what happened during the interval ending at <see cref="Seconds"/>.</summary>
public sealed record TimelinePoint(
    double Seconds,
    bool Warmup,
    long Sent,
    long Succeeded,
    long Failed,
    double AskedPerSecond,
    double AchievedPerSecond,
    LatencySummary Response,
    long JobsFinished,
    LatencySummary JobCompletion,
    long JobBacklog,
    long InFlight);
