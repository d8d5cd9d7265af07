using System.Globalization;
using RapiConformance.Checks;

namespace RapiConformance.Runner;

/// <summary>Progress as one line per finished check: what a log file or CI console shows.</summary>
public sealed class PlainProgress(TextWriter output) : IRunObserver
{
    private readonly Dictionary<string, int[]> _counts = new(StringComparer.Ordinal);
    private int _total;
    private int _done;

    public void On(RunEvent e)
    {
        switch (e)
        {
            case RunStarted s:
                _total = s.Checks.Count;
                output.WriteLine($"rapi-conformance: {s.Target} profile {s.Profile}{(s.ProfileDetection is null ? "" : $" ({s.ProfileDetection})")}, suite {s.Suite.Name}, seed {s.Seed}");
                break;
            case ResultRecorded r:
                if (!_counts.TryGetValue(r.Check.Id, out var c)) _counts[r.Check.Id] = c = new int[4];
                c[(int)r.Result.Status]++;
                break;
            case CheckFinished f:
                _done++;
                var n = _counts.GetValueOrDefault(f.Check.Id, new int[4]);
                var verdict = n[(int)ResultStatus.Fail] > 0 ? "FAIL" : n[(int)ResultStatus.Pass] > 0 ? "PASS" : n[(int)ResultStatus.Disabled] > 0 ? "OFF " : "SKIP";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{_done,3}/{_total}] {verdict} {f.Check.Id,-36} pass {n[0]}, fail {n[1]}, skip {n[2]}, disabled {n[3]}  {f.Duration.TotalSeconds:0.0}s"));
                break;
        }
    }
}
