using System.Xml.Linq;
using RapiConformance.Reports;
using RapiConformance.Runner;
using Xunit;

namespace RapiConformance.Harness.Tests;

public sealed class ReportRenderingTests
{
    internal static RunReport Sample(params (string Check, string? Op, string Status)[] rows) => new()
    {
        Target = "http://127.0.0.1:1/",
        Profile = "3.0",
        Seed = 1,
        Suite = "test",
        Started = DateTimeOffset.UnixEpoch,
        Finished = DateTimeOffset.UnixEpoch.AddSeconds(2),
        Summary = new ReportSummary(2, rows.Length, rows.Count(r => r.Status == "Pass"), rows.Count(r => r.Status == "Fail"), 0, 0, 0, rows.Count(r => r.Status == "Fail"), 3, 2),
        Results = rows.Select(r => new ResultRow(r.Check, r.Op, r.Status, "Must", $"{r.Check} says <{r.Status}>", false,
            new RequestRecord("GET", "http://127.0.0.1:1/2/info", "u", new Dictionary<string, string>(), null),
            new ResponseRecord(500, new Dictionary<string, string>(), "{\"code\": 500}", 3, null),
            "curl -sS -i -X GET 'http://127.0.0.1:1/2/info'")).ToList(),
        Coverage = new CoverageReport(2, 1, [new OperationCoverage("getClusterInfo", "GET", "/2/info", 3, new Dictionary<string, string> { ["a-check"] = "Fail" }),
            new OperationCoverage("getVersion", "GET", "/version", 0, new Dictionary<string, string>())]),
    };

    [Fact]
    public void Json_round_trips_and_keeps_the_fuzz_and_diff_slots()
    {
        var report = Sample(("a-check", "getClusterInfo", "Fail")) with
        {
            Fuzz = [new FuzzFinding("getVersion", "fuzz-check", "boom", 7, 3, null, null, "curl x")],
            Diff = [new DiffFinding("getVersion", "GET /version", "2", "3", "value differs")],
        };
        var json = JsonReport.Serialize(report);
        Assert.Contains("\"fuzz\"", json, StringComparison.Ordinal);
        Assert.Contains("\"diff\"", json, StringComparison.Ordinal);
        var back = JsonReport.Deserialize(json);
        Assert.Equal(report.Results[0], back.Results[0] with { Request = report.Results[0].Request, Response = report.Results[0].Response });
        Assert.Equal(7, back.Fuzz[0].Seed);
        Assert.Equal("value differs", back.Diff[0].Difference);
    }

    [Fact]
    public void Junit_has_one_testcase_per_check_and_operation_with_failures_marked()
    {
        var report = Sample(("a-check", "getClusterInfo", "Fail"), ("a-check", "getVersion", "Pass"), ("b-check", null, "Skip"));
        var xml = XDocument.Parse(JUnitReport.Render(report));
        var cases = xml.Descendants("testcase").ToList();
        Assert.Equal(3, cases.Count);
        Assert.Single(cases, c => c.Element("failure") is not null);
        Assert.Single(cases, c => c.Element("skipped") is not null);
        Assert.Equal("1", xml.Root!.Attribute("failures")!.Value);
    }

    [Fact]
    public void Html_lists_failures_first_escaped_with_curl_and_is_self_contained()
    {
        var html = HtmlReport.Render(Sample(("a-check", "getClusterInfo", "Fail"), ("b-check", "getVersion", "Pass")));
        var failures = html.IndexOf("id=\"failures\"", StringComparison.Ordinal);
        Assert.True(failures > 0 && failures < html.IndexOf("id=\"matrix\"", StringComparison.Ordinal));
        Assert.Contains("a-check says &lt;Fail&gt;", html, StringComparison.Ordinal);
        Assert.Contains("curl -sS -i", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_counts_only_new_failures_and_lists_fixed_ones()
    {
        var before = Sample(("a-check", "getClusterInfo", "Fail"), ("b-check", "getVersion", "Fail"));
        var now = Sample(("a-check", "getClusterInfo", "Fail"), ("b-check", "getVersion", "Pass"));
        var compared = now with { Baseline = BaselineComparer.Compare(now, before, "old.json") };
        Assert.Empty(compared.Baseline!.NewFailures);
        Assert.Equal(["b-check|getVersion"], compared.Baseline.Fixed);
        Assert.Equal(0, BaselineComparer.CountingMustFailures(compared));
        var worse = Sample(("a-check", "getClusterInfo", "Fail"), ("c-check", "getVersion", "Fail"));
        worse = worse with { Baseline = BaselineComparer.Compare(worse, before, "old.json") };
        Assert.Equal(["c-check|getVersion"], worse.Baseline!.NewFailures);
        Assert.Equal(1, BaselineComparer.CountingMustFailures(worse));
    }
}
