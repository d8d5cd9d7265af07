using RapiConformance.Reports;

namespace RapiConformance.Differential;

/// <summary>
/// Puts the differences into the shared report (report.json, junit.xml, report.html): into the report a
/// `check` run already wrote in the same directory, or into a report of its own. Unexpected differences
/// come first; documented ones say so and why. diff-run.json and diff.html hold the full run.
/// </summary>
public static class DiffReportFiles
{
    public static IReadOnlyList<string> Write(DiffResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        var existing = Path.Combine(directory, "report.json");
        RunReport? report = null;
        if (File.Exists(existing))
        {
            try
            {
                report = JsonReport.Read(existing);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException)
            {
                report = null;
            }
        }
        report = (report ?? NewReport(result)) with { Diff = Findings(result) };
        var written = ReportFiles.Write(directory, report);
        return [written.Json, written.JUnit, written.Html, DiffReportJson.Write(result, directory), DiffReportHtml.Write(result, directory)];
    }

    public static IReadOnlyList<DiffFinding> Findings(DiffResult result) =>
        result.Unexpected.Concat(result.Documented).Select(d =>
        {
            var step = result.Steps.First(s => s.Step.Id == d.StepId).Step;
            return new DiffFinding(d.OperationId, $"{step.Method} {step.Path} ({d.StepId})", d.A, d.B,
                (d.Documented ? $"documented ({d.DocumentedBy}): " : "") + $"{d.Kind} {d.Path}".TrimEnd());
        }).ToList();

    private static RunReport NewReport(DiffResult result) => new()
    {
        Target = $"{result.A} against {result.B}",
        Profile = "3.0",
        Seed = 0,
        Suite = "diff",
        Started = result.StartedAt,
        Finished = result.StartedAt + result.Duration,
        Summary = new ReportSummary(0, result.Steps.Count, result.Steps.Count(s => !s.Skipped && s.Differences.All(d => d.Documented)),
            result.Unexpected.Count, result.SkippedCount, 0, result.Documented.Count, result.Unexpected.Count,
            result.Steps.Count(s => !s.Skipped) * 2, result.Duration.TotalSeconds),
        Coverage = new CoverageReport(result.OperationsInSpec, result.OperationsCompared.Count, []),
        Notes = [$"diff: {result.Compared} steps compared ({result.SkippedCount} skipped), {result.OperationsCompared.Count}/{result.OperationsInSpec} operations, " +
                 $"{result.Unexpected.Count} unexpected and {result.Documented.Count} documented differences"],
    };
}
