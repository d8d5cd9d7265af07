namespace RapiConformance.Reports;

/// <summary>Writes report.json, junit.xml and report.html into one directory.</summary>
public static class ReportFiles
{
    public sealed record Written(string Directory, string Json, string JUnit, string Html);

    public static Written Write(string directory, RunReport report)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, "report.json");
        var junit = Path.Combine(directory, "junit.xml");
        var html = Path.Combine(directory, "report.html");
        File.WriteAllText(json, JsonReport.Serialize(report));
        File.WriteAllText(junit, JUnitReport.Render(report));
        File.WriteAllText(html, HtmlReport.Render(report));
        return new Written(Path.GetFullPath(directory), Path.GetFullPath(json), Path.GetFullPath(junit), Path.GetFullPath(html));
    }

    /// <summary>reports/&lt;UTC timestamp&gt; under the current directory.</summary>
    public static string DefaultDirectory(DateTimeOffset now) =>
        Path.Combine("reports", now.UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
}
