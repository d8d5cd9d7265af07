using RapiConformance.Reports;

namespace RapiConformance.Runner;

/// <summary>
/// A whole `check` run as the CLI does it: run with a progress display, build the report, compare with the
/// baseline, write report.json/junit.xml/report.html, print the summary, and decide the exit code.
/// </summary>
public static class CheckSession
{
    public sealed record Outcome(RunReport Report, ReportFiles.Written? Files, int ExitCode);

    /// <summary>
    /// Exit code 0: every counted must check passed; 1: a must check failed. <paramref name="extend"/> may add
    /// findings of other stages (the demo's fuzz budget) to the report before it is written.
    /// </summary>
    public static async Task<Outcome> RunAsync(RunOptions options, string? reportDirectory, string? baselinePath, TextWriter output, bool quiet, CancellationToken ct,
        Func<RunReport, CancellationToken, Task<RunReport>>? extend = null)
    {
        RunReport? baseline = null;
        if (baselinePath is not null) baseline = JsonReport.Read(baselinePath);
        var builder = new ReportBuilder(options.Client.Insecure);
        await ProgressDisplay.RunAsync(quiet, async display =>
        {
            var observers = new List<IRunObserver> { builder };
            if (display is not null) observers.Add(display);
            await new ConformanceRunner(options, observers).RunAsync(ct);
        });
        var report = builder.Report ?? throw new InvalidOperationException("the run ended without a report");
        if (baseline is not null) report = report with { Baseline = BaselineComparer.Compare(report, baseline, baselinePath!) };
        if (extend is not null) report = await extend(report, ct);
        var files = ReportFiles.Write(reportDirectory ?? ReportFiles.DefaultDirectory(report.Started), report);
        if (!quiet) SummaryPrinter.Print(output, report, files);
        return new Outcome(report, files, BaselineComparer.CountingMustFailures(report) > 0 ? 1 : 0);
    }
}
