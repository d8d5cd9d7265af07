using RapiConformance.Reports;
using RapiConformance.Runner;

namespace RapiConformance.Harness.Tests;

/// <summary>Runs a suite the way `check` does, quietly, into a temporary report directory.</summary>
public static class Runs
{
    public static async Task<CheckSession.Outcome> CheckAsync(RunOptions options, string? baseline = null, CancellationToken ct = default)
    {
        var dir = Path.Combine(Path.GetTempPath(), "rc-reports-" + Guid.NewGuid().ToString("N")[..10]);
        return await CheckSession.RunAsync(options, dir, baseline, TextWriter.Null, quiet: true, ct);
    }

    public static string Failures(RunReport report) =>
        string.Join("\n", report.Results.Where(r => r.Status == "Fail").Select(r => $"{r.Check} [{r.Operation}]: {r.Message}"));
}
