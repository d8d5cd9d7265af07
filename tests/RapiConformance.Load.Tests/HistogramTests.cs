using System.Diagnostics;
using RapiConformance.Load.Engine;

namespace RapiConformance.Load.Tests;

public class HistogramTests
{
    [Fact]
    public void Percentiles_of_1_to_1000_ms_are_where_they_should_be()
    {
        var h = new LatencyHistogram();
        for (var ms = 1; ms <= 1000; ms++) h.RecordMicros(ms * 1000L);
        var s = h.Summarise();
        Assert.Equal(1000, s.Count);
        Assert.InRange(s.P50, 499.5, 501);   // 3 significant digits: within 0.1 %
        Assert.InRange(s.P90, 899, 901);
        Assert.InRange(s.P99, 989, 991);
        Assert.InRange(s.P999, 998.5, 1001);
        Assert.InRange(s.Max, 999.5, 1001);
        Assert.InRange(s.Mean, 499.5, 501.5);
    }

    [Fact]
    public void A_single_outlier_shows_in_max_and_p999_but_not_p99()
    {
        var h = new LatencyHistogram();
        for (var i = 0; i < 999; i++) h.RecordMicros(2_000);
        h.RecordMicros(5_000_000);
        var s = h.Summarise();
        Assert.InRange(s.P99, 1.99, 2.01);
        Assert.InRange(s.Max, 4995, 5005);
        Assert.InRange(s.P999, 1.99, 5005);
    }

    [Fact]
    public void Stopwatch_ticks_become_microseconds()
    {
        Assert.Equal(1_000_000, LatencyHistogram.TicksToMicros(Stopwatch.Frequency));
        Assert.Equal(1, LatencyHistogram.TicksToMicros(0)); // clamped to the lowest trackable value
    }

    [Fact]
    public void Interval_latency_starts_afresh_after_each_sample()
    {
        var interval = new IntervalLatency();
        interval.RecordTicks(Stopwatch.Frequency / 100);   // 10 ms
        var first = interval.TakeInterval();
        Assert.Equal(1, first.Count);
        Assert.InRange(first.Max, 9.9, 10.1);
        Assert.Equal(0, interval.TakeInterval().Count);
        interval.RecordTicks(Stopwatch.Frequency / 1000);  // 1 ms
        Assert.InRange(interval.TakeInterval().Max, 0.99, 1.01);
    }

    [Fact]
    public void Empty_histogram_summarises_to_zeroes() => Assert.Equal(LatencySummary.Empty, new LatencyHistogram().Summarise());
}
