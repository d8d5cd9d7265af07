using HdrHistogram;

namespace RapiConformance.Load.Engine;

/// <summary>
/// Latencies of the current time-series interval: writers record concurrently, the sampler swaps
/// the interval out once per point (HdrHistogram's Recorder), so memory stays flat over long runs.
/// </summary>
public sealed class IntervalLatency
{
    private readonly Recorder _recorder = new(1, LatencyHistogram.HighestMicros, 3,
        (id, low, high, digits) => new LongHistogram(id, low, high, digits));
    private HistogramBase? _recycled;

    public void RecordTicks(long ticks) => _recorder.RecordValue(LatencyHistogram.TicksToMicros(ticks));

    /// <summary>The latencies recorded since the previous call; only the sampler calls it.</summary>
    public LatencySummary TakeInterval()
    {
        var interval = _recycled is null ? _recorder.GetIntervalHistogram() : _recorder.GetIntervalHistogram(_recycled);
        var summary = LatencyHistogram.Summarise(interval);
        _recycled = interval;
        return summary;
    }
}
