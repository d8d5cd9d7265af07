using RapiConformance.Reports;

namespace RapiConformance.Runner;

/// <summary>--baseline: which failures are new, which remain, which were fixed since an earlier report.json.</summary>
public static class BaselineComparer
{
    public static BaselineComparison Compare(RunReport current, RunReport baseline, string file)
    {
        static HashSet<string> Failing(RunReport r) =>
            r.Results.Where(x => x.Status == "Fail" && !x.KnownDeviation).Select(x => x.Key).ToHashSet(StringComparer.Ordinal);
        var now = Failing(current);
        var before = Failing(baseline);
        return new BaselineComparison(file,
            now.Except(before).Order(StringComparer.Ordinal).ToList(),
            now.Intersect(before).Order(StringComparer.Ordinal).ToList(),
            before.Except(now).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Must failures that count against the run: not known deviations, and not in the baseline when there is one.</summary>
    public static int CountingMustFailures(RunReport report)
    {
        var newOnes = report.Baseline?.NewFailures.ToHashSet(StringComparer.Ordinal);
        return report.Results.Count(r => r.Status == "Fail" && !r.KnownDeviation && r.Severity == "Must" && (newOnes is null || newOnes.Contains(r.Key)));
    }
}
