using RapiConformance.Checks;
using RapiConformance.Reports;
using RapiConformance.Spec;

namespace RapiConformance.Runner;

/// <summary>The reporter that turns the event stream into the <see cref="RunReport"/> model (report.json and friends).</summary>
public sealed class ReportBuilder(bool insecure) : IRunObserver
{
    private readonly List<(Check Check, CheckResult Result)> _results = [];
    private RunStarted? _started;

    public RunReport? Report { get; private set; }

    public void On(RunEvent e)
    {
        switch (e)
        {
            case RunStarted s:
                _started = s;
                break;
            case ResultRecorded r:
                _results.Add((r.Check, r.Result));
                break;
            case RunFinished f when _started is { } s:
                Report = Build(s, f);
                break;
        }
    }

    private RunReport Build(RunStarted s, RunFinished f)
    {
        var rows = _results.Select(x => new ResultRow(
            x.Result.CheckId, x.Result.OperationId, x.Result.Status.ToString(), x.Result.Severity.ToString(), x.Result.Message, x.Result.KnownDeviation,
            x.Result.Evidence is { } ev ? ExchangeRecords.Request(ev) : null,
            x.Result.Evidence is { } ev2 ? ExchangeRecords.Response(ev2) : null,
            x.Result.Evidence is { } ev3 ? ExchangeRecords.Curl(ev3, insecure) : null)).ToList();

        var requestsPerOperation = f.Exchanges
            .Select(x => s.Catalog.Match(x.Method, x.Url.AbsolutePath, s.Profile).Operation?.Id)
            .Where(id => id is not null).GroupBy(id => id!).ToDictionary(g => g.Key, g => g.Count());
        var operations = s.Catalog.ForProfile(s.Profile).OrderBy(o => o.PathTemplate, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)
            .Select(o => new OperationCoverage(o.Id, o.Method, o.PathTemplate, requestsPerOperation.GetValueOrDefault(o.Id),
                rows.Where(r => r.Operation == o.Id).GroupBy(r => r.Check).ToDictionary(g => g.Key, g => Worst(g.Select(r => r.Status)))))
            .ToList();

        var failed = rows.Where(r => r.Status == "Fail" && !r.KnownDeviation).ToList();
        var summary = new ReportSummary(
            s.Checks.Count, rows.Count,
            rows.Count(r => r.Status == "Pass"), failed.Count,
            rows.Count(r => r.Status == "Skip"), rows.Count(r => r.Status == "Disabled"),
            rows.Count(r => r.KnownDeviation), failed.Count(r => r.Severity == nameof(Severity.Must)),
            f.Exchanges.Count, (f.At - s.At).TotalSeconds);

        return new RunReport
        {
            Target = s.Target.ToString(),
            Profile = s.Profile.Name,
            ProfileDetection = s.ProfileDetection,
            Seed = s.Seed,
            Suite = s.Suite.Name,
            Started = s.At,
            Finished = f.At,
            Summary = summary,
            Checks = s.Checks.Select(c => new CheckInfo(c.Id, c.Title, c.Requirement, c.Source, c.Severity.ToString(), c.Profiles.Order(StringComparer.Ordinal).ToList(), c.Writes)).ToList(),
            Results = rows,
            Coverage = new CoverageReport(operations.Count, operations.Count(o => o.Requests > 0), operations),
            CleanupProblems = f.CleanupProblems,
        };
    }

    private static string Worst(IEnumerable<string> statuses)
    {
        var list = statuses.ToList();
        foreach (var s in new[] { "Fail", "Pass", "Skip", "Disabled" })
            if (list.Contains(s)) return s;
        return list.FirstOrDefault() ?? "Skip";
    }
}
