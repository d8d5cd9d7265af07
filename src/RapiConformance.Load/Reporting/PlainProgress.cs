using System.Globalization;
using RapiConformance.Load.Engine;

namespace RapiConformance.Load.Reporting;

/// <summary>Progress as one plain line per interval, for logs and pipes (no terminal control codes).</summary>
public sealed class PlainProgress(TextWriter output) : ILoadProgress
{
    public void Phase(string message) => output.WriteLine($"load: {message}");

    public void Sample(TimelinePoint point, long issued, long errorsTotal) => output.WriteLine(Line(point, issued, errorsTotal));

    public static string Line(TimelinePoint p, long issued, long errorsTotal) => string.Create(CultureInfo.InvariantCulture,
        $"load: t={p.Seconds,6:0.0}s{(p.Warmup ? " (warm-up)" : "")} issued={issued} ok/s={p.AchievedPerSecond:0} " +
        $"p50={p.Response.P50:0.###}ms p99={p.Response.P99:0.###}ms max={p.Response.Max:0.###}ms " +
        $"errors={errorsTotal} in-flight={p.InFlight} job-backlog={p.JobBacklog} job-p99={p.JobCompletion.P99:0.###}ms");
}
