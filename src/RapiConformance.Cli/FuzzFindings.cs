using System.Globalization;
using RapiConformance.Generation.Running;
using RapiConformance.Reports;
using RapiConformance.Spec;

namespace RapiConformance.Cli;

/// <summary>Turns a fuzz report into the shared report's fuzz section (report.json / junit.xml / report.html).</summary>
internal static class FuzzFindings
{
    public static IReadOnlyList<FuzzFinding> From(FuzzReport fuzz, string? user)
    {
        var findings = new List<FuzzFinding>();
        foreach (var f in fuzz.Failures)
        {
            var last = f.Exchanges.Count > 0 ? f.Exchanges[^1] : null;
            var request = last is null ? null : new RequestRecord(
                last.Request.Split(' ')[0], fuzz.Target.TrimEnd('/') + last.Request[(last.Request.IndexOf(' ', StringComparison.Ordinal) + 1)..], user,
                new Dictionary<string, string>(), last.Body);
            var response = last is null ? null : new ResponseRecord(last.Status == 0 ? null : last.Status, new Dictionary<string, string>(), last.ResponseBody, 0, last.Status == 0 ? last.ResponseBody : null);
            findings.Add(new FuzzFinding(
                f.OperationId,
                "fuzz/" + f.Kind,
                $"{f.Message}\nshrunk input ({f.Phase}, {f.ShrinkSteps} shrink steps):\n{f.ShrunkInput}",
                (int)(fuzz.Seed % int.MaxValue),
                (int)Math.Min(f.CaseIndex, int.MaxValue),
                request,
                response,
                $"{f.Curl}\n# replay: ./run.sh {f.Replay} --target {fuzz.Target}"));
        }
        return findings;
    }

    /// <summary>A report of its own for `fuzz --report DIR`: no conformance checks, the fuzz section filled.</summary>
    public static RunReport Report(FuzzReport fuzz, string? user) => new()
    {
        Target = fuzz.Target,
        Profile = fuzz.Profile,
        Seed = (int)(fuzz.Seed % int.MaxValue),
        Suite = "fuzz",
        Started = fuzz.StartedAt,
        Finished = fuzz.StartedAt.AddSeconds(fuzz.DurationSeconds),
        Summary = new ReportSummary(0, 0, 0, fuzz.Failures.Count, 0, 0, 0, 0, (int)Math.Min(fuzz.Requests, int.MaxValue), fuzz.DurationSeconds),
        Coverage = new CoverageReport(SpecCatalog.Default.ForProfile(Profile.Parse(fuzz.Profile)).Count(), fuzz.CasesByOperation.Count, []),
        Notes = [Summary(fuzz)],
        Fuzz = From(fuzz, user),
    };

    public static string Summary(FuzzReport r) => string.Create(CultureInfo.InvariantCulture,
        $"fuzz: seed {r.Seed}, {r.Cases} cases and {r.Sequences} stateful sequences, {r.Requests} requests in {r.DurationSeconds:0.#} s ({r.RequestsPerSecond:0} req/s), {r.Failures.Count} failure(s), {r.DroppedFalsePositives} dropped as valid");
}
