using System.Diagnostics;
using HdrHistogram;

namespace RapiConformance.Load.Engine;

/// <summary>
/// An HdrHistogram of latencies in microseconds (1 µs to 1 hour, 3 significant digits), safe to
/// record into from many threads, with the percentiles a report shows.
/// </summary>
public sealed class LatencyHistogram
{
    public const long HighestMicros = 3_600_000_000;
    private readonly LongConcurrentHistogram _histogram = new(1, HighestMicros, 3);

    public static long TicksToMicros(long ticks) =>
        Math.Clamp((long)(ticks * 1_000_000.0 / Stopwatch.Frequency), 1, HighestMicros);

    public void RecordTicks(long ticks) => _histogram.RecordValue(TicksToMicros(ticks));

    public void RecordMicros(long micros) => _histogram.RecordValue(Math.Clamp(micros, 1, HighestMicros));

    public long Count => _histogram.TotalCount;

    public LatencySummary Summarise() => Summarise(_histogram);

    public static LatencySummary Summarise(HistogramBase h)
    {
        if (h.TotalCount == 0) return LatencySummary.Empty;
        static double Ms(long micros) => Math.Round(micros / 1000.0, 3);
        return new LatencySummary(h.TotalCount,
            Ms(h.GetValueAtPercentile(50)), Ms(h.GetValueAtPercentile(90)), Ms(h.GetValueAtPercentile(99)),
            Ms(h.GetValueAtPercentile(99.9)), Ms(h.GetMaxValue()), Math.Round(h.GetMean() / 1000.0, 3));
    }
}
