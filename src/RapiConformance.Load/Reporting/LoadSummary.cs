using System.Globalization;
using System.Text;
using RapiConformance.Load.Engine;

namespace RapiConformance.Load.Reporting;

/// <summary>The few lines printed at the end of a run.</summary>
public static class LoadSummary
{
    public static string Text(LoadReport r)
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"load: {r.Operation} ({r.Model} model) stopped by {r.StoppedBy} after {r.MeasuredSeconds:0.##} s measured; ")
         .Append(CultureInfo.InvariantCulture, $"asked {(r.AskedPerSecond > 0 ? r.AskedPerSecond.ToString("0.##", CultureInfo.InvariantCulture) + "/s" : "max")}, achieved {r.AchievedPerSecond:0.##}/s\n")
         .Append(Latency("response", r.ResponseTime)).Append('\n')
         .Append(Latency("service ", r.ServiceTime)).Append('\n')
         .Append(Latency("gen lag ", r.DispatchLag));
        if (r.SubmitsJobs)
            s.Append('\n').Append(Latency("job done", r.JobCompletion))
             .Append(CultureInfo.InvariantCulture, $"\nload: jobs submitted {r.JobsSubmitted}, succeeded {r.JobsSucceeded}, failed {r.JobsFailed}, unfinished {r.JobsUnfinished}");
        if (r.Cleanup is not null) s.Append("\nload: clean-up: ").Append(r.Cleanup);
        s.Append("\nload: errors ").Append(r.Errors.Count == 0 ? "none" : string.Join(", ", r.Errors.Select(e => $"{e.Key}={e.Value}")));
        return s.ToString();
    }

    private static string Latency(string label, LatencySummary l) => string.Create(CultureInfo.InvariantCulture,
        $"load: {label} ms  n={l.Count} p50={l.P50} p90={l.P90} p99={l.P99} p99.9={l.P999} max={l.Max}");
}
