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
                        testcase.Add(new XElement("skipped", new XAttribute("message", Clean("known deviation: " + r.Message))));
                        break;
                    case "Fail":
                        testcase.Add(new XElement("failure", new XAttribute("message", Clean(r.Message)), new XAttribute("type", r.Severity),
                            Clean(r.Reproduce is null ? r.Message : r.Message + "\n\n" + r.Reproduce)));
                        break;
                    case "Skip":
                    case "Disabled":
                        testcase.Add(new XElement("skipped", new XAttribute("message", Clean($"{r.Status}: {r.Message}"))));
                        break;
                }
                suite.Add(testcase);
            }
            suites.Add(suite);
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites).ToString();
    }

    /// <summary>XML 1.0 cannot carry control characters (a garbage-sending server puts them in messages).</summary>
    private static string Clean(string text) =>
        string.Create(text.Length, text, (span, t) =>
        {
            for (var i = 0; i < t.Length; i++) span[i] = System.Xml.XmlConvert.IsXmlChar(t[i]) || char.IsSurrogate(t[i]) ? t[i] : '\uFFFD';
        });

    private static string Seconds(double s) => s.ToString("0.000", CultureInfo.InvariantCulture);
}
