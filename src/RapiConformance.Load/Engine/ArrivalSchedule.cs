using System.Diagnostics;

namespace RapiConformance.Load.Engine;

/// <summary>
/// The open model's intended send times: request i is due at start + i/rate, whatever happened to
/// the requests before it. Latency is measured from this time, not from when the request actually
/// left, so a stalled server or a stalled generator cannot hide its delay (coordinated omission).
/// </summary>
public sealed class ArrivalSchedule(double ratePerSecond)
{
    public double RatePerSecond { get; } = ratePerSecond > 0 ? ratePerSecond
        : throw new ArgumentOutOfRangeException(nameof(ratePerSecond), "rate must be positive");

    /// <summary>Offset of request <paramref name="index"/> from the start, in Stopwatch ticks.</summary>
    public long IntendedOffsetTicks(long index) => (long)Math.Round(index * Stopwatch.Frequency / RatePerSecond);

    /// <summary>How many requests are due by <paramref name="elapsedTicks"/> after the start.</summary>
    public long DueBy(long elapsedTicks) =>
        elapsedTicks < 0 ? 0 : (long)Math.Floor(elapsedTicks * RatePerSecond / Stopwatch.Frequency) + 1;
}
