using System.Net;
using System.Text;

namespace RapiConformance.Differential;

/// <summary>A self-contained HTML page for the diff section (DIR/diff.html), linked from report.html when there is one.</summary>
public static class DiffReportHtml
{
    public static string Write(DiffResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "diff.html");
        File.WriteAllText(file, Render(result));
        return file;
    }

    public static string Render(DiffResult r)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>RAPI differential</title><style>")
            .Append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 6px;")
            .Append("font-size:13px;text-align:left;vertical-align:top}.bad{color:#a00}.ok{color:#070}.doc{color:#666}</style></head><body>")
            .Append("<h1>Differential: A against B</h1>")
            .Append($"<p>A = {E(r.A)}<br>B = {E(r.B)}<br>{r.Compared} steps compared, {r.SkippedCount} skipped, ")
            .Append($"{r.OperationsCompared.Count} of {r.OperationsInSpec} operations, {r.Duration.TotalSeconds:F1} s.</p>")
            .Append(r.Unexpected.Count == 0
                ? "<p class=\"ok\"><b>No unexpected differences.</b></p>"
                : $"<p class=\"bad\"><b>{r.Unexpected.Count} unexpected differences.</b></p>");
        Table(html, "Unexpected differences", r.Unexpected);
        Table(html, "Documented differences (allow-list or x-rapi-notes)", r.Documented);
        html.Append("<h2>Steps</h2><table><tr><th>step</th><th>request</th><th>A</th><th>B</th><th>differences</th></tr>");
        foreach (var s in r.Steps)
        {
            html.Append($"<tr><td>{E(s.Step.Id)}</td><td>{E(s.Step.Method + " " + s.Step.Path)}</td>")
                .Append(s.Skipped ? $"<td colspan=\"3\" class=\"doc\">skipped: {E(s.SkipReason!)}</td></tr>" :
                    $"<td>{Side(s.A, s.AJob)}</td><td>{Side(s.B, s.BJob)}</td><td>{s.Differences.Count}</td></tr>");
        }
        return html.Append("</table></body></html>").ToString();
    }

    private static void Table(StringBuilder html, string title, IReadOnlyList<Difference> rows)
    {
        html.Append($"<h2>{E(title)} ({rows.Count})</h2>");
        if (rows.Count == 0)
        {
            return;
        }
        html.Append("<table><tr><th>step</th><th>kind</th><th>path</th><th>A</th><th>B</th><th>why</th></tr>");
        foreach (var d in rows)
        {
            html.Append($"<tr><td>{E(d.StepId)}</td><td>{d.Kind}</td><td>{E(d.Path)}</td><td>{E(d.A)}</td><td>{E(d.B)}</td>")
                .Append($"<td class=\"doc\">{E(d.DocumentedBy ?? "")}</td></tr>");
        }
        html.Append("</table>");
    }

    private static string Side(ObservedResponse? r, JobOutcome? job) =>
        r is null ? "" : $"{r.Status}" + (job is null ? "" :
            $" job {E(string.Join(">", job.Statuses))}{(job.ErrorClass is null ? "" : " " + E($"{job.ErrorClass}/{job.Classification ?? "-"}"))}");

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
