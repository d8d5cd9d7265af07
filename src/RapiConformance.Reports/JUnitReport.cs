using System.Globalization;
using System.Xml.Linq;

namespace RapiConformance.Reports;

/// <summary>junit.xml: one testsuite per check, one testcase per (check, operation).</summary>
public static class JUnitReport
{
    public static string Render(RunReport report)
    {
        var suites = new XElement("testsuites",
            new XAttribute("name", $"rapi-conformance {report.Suite} {report.Target} profile {report.Profile}"),
            new XAttribute("tests", report.Results.Count),
            new XAttribute("failures", report.Results.Count(r => r.Status == "Fail" && !r.KnownDeviation)),
            new XAttribute("skipped", report.Results.Count(r => r.Status is "Skip" or "Disabled")),
            new XAttribute("time", Seconds(report.Summary.DurationSeconds)));
        foreach (var group in report.Results.GroupBy(r => r.Check))
        {
            var suite = new XElement("testsuite",
                new XAttribute("name", group.Key),
                new XAttribute("tests", group.Count()),
                new XAttribute("failures", group.Count(r => r.Status == "Fail" && !r.KnownDeviation)),
                new XAttribute("skipped", group.Count(r => r.Status is "Skip" or "Disabled")));
            foreach (var r in group)
            {
                var testcase = new XElement("testcase",
                    new XAttribute("classname", r.Check),
                    new XAttribute("name", r.Operation ?? "(server)"),
                    new XAttribute("time", Seconds((r.Response?.DurationMs ?? 0) / 1000)));
                switch (r.Status)
                {
                    case "Fail" when r.KnownDeviation:
                        testcase.Add(new XElement("skipped", new XAttribute("message", "known deviation: " + r.Message)));
                        break;
                    case "Fail":
                        testcase.Add(new XElement("failure", new XAttribute("message", r.Message), new XAttribute("type", r.Severity),
                            r.Reproduce is null ? r.Message : r.Message + "\n\n" + r.Reproduce));
                        break;
                    case "Skip":
                    case "Disabled":
                        testcase.Add(new XElement("skipped", new XAttribute("message", $"{r.Status}: {r.Message}")));
                        break;
                }
                suite.Add(testcase);
            }
            suites.Add(suite);
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites).ToString();
    }

    private static string Seconds(double s) => s.ToString("0.000", CultureInfo.InvariantCulture);
}
