using RapiConformance.Reports;

namespace RapiConformance.Runner;

/// <summary>The few lines printed after a run: counts, the failures, where the reports are.</summary>
public static class SummaryPrinter
{
    public static void Print(TextWriter output, RunReport report, ReportFiles.Written? files, int maxFailures = 25)
    {
        var s = report.Summary;
        output.WriteLine();
        output.WriteLine($"{report.Suite} on {report.Target} (profile {report.Profile}): {s.Passed} passed, {s.Failed} failed ({s.MustFailures} must), " +
                         $"{s.Skipped} skipped, {s.Disabled} disabled, {s.KnownDeviations} known deviations; {s.Requests} requests in {s.DurationSeconds:0.0} s; " +
                         $"coverage {report.Coverage.Exercised}/{report.Coverage.OperationsInProfile} operations");
        var failures = report.Results.Where(r => r.Status == "Fail" && !r.KnownDeviation).ToList();
        foreach (var f in failures.Take(maxFailures))
            output.WriteLine($"  FAIL {f.Severity.ToLowerInvariant(),-6} {f.Check} [{f.Operation ?? "server"}]: {Trim(f.Message)}");
        if (failures.Count > maxFailures) output.WriteLine($"  … and {failures.Count - maxFailures} more (see the report)");
        if (report.Baseline is { } b)
            output.WriteLine($"baseline {b.File}: {b.NewFailures.Count} new, {b.StillFailing.Count} still failing, {b.Fixed.Count} fixed" +
                             (b.Fixed.Count > 0 ? ": " + string.Join(", ", b.Fixed) : ""));
        if (report.CleanupProblems.Count > 0) output.WriteLine("clean-up problems: " + string.Join("; ", report.CleanupProblems));
        if (files is not null)
        {
            output.WriteLine($"report: {files.Html}");
            output.WriteLine($"        {files.Json}");
            output.WriteLine($"        {files.JUnit}");
        }
    }

    private static string Trim(string s) => s.Length <= 200 ? s : s[..200] + "…";
}
