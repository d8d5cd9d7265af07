using System.Globalization;
using System.Net;
using System.Text;
using RapiConformance.Generation.Running;

namespace RapiConformance.Generation.Reporting;

/// <summary>A self-contained HTML page of a fuzz report: figures, then each failure with its shrunk input, response and curl.</summary>
public static class FuzzHtml
{
    public static string Render(FuzzReport r)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>RAPI fuzz report</title><style>")
          .Append("body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}pre{background:#f4f4f4;padding:.6em;white-space:pre-wrap;word-break:break-all}")
          .Append(".fail{border-left:4px solid #c00;padding-left:1em;margin:1.5em 0}.ok{color:#070}td,th{padding:.2em .8em;text-align:left}")
          .Append("</style></head><body>");
        AppendSection(sb, r);
        sb.Append("</body></html>");
        return sb.ToString();
    }

    /// <summary>The fuzz section alone (a heading and its content), for embedding in another report page.</summary>
    public static void AppendSection(StringBuilder sb, FuzzReport r)
    {
        string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        string N(double d) => d.ToString("0.##", CultureInfo.InvariantCulture);
        sb.Append("<section id=\"fuzz\"><h2>Fuzzing</h2>");
        sb.Append("<table>")
          .Append($"<tr><th>Target</th><td>{E(r.Target)}</td></tr><tr><th>Profile</th><td>{E(r.Profile)}</td></tr>")
          .Append($"<tr><th>Seed</th><td>{r.Seed}</td></tr><tr><th>Duration</th><td>{N(r.DurationSeconds)} s</td></tr>")
          .Append($"<tr><th>Cases</th><td>{r.Cases}</td></tr><tr><th>Requests</th><td>{r.Requests} ({N(r.RequestsPerSecond)}/s)</td></tr>")
          .Append($"<tr><th>Stateful sequences</th><td>{r.Sequences} ({r.SequenceSteps} steps)</td></tr>")
          .Append($"<tr><th>Dropped false positives</th><td>{r.DroppedFalsePositives}</td></tr>")
          .Append($"<tr><th>Statuses</th><td>{E(string.Join(", ", r.StatusCounts.Select(kv => $"{kv.Key}: {kv.Value}")))}</td></tr>")
          .Append("</table>");
        if (r.Failures.Count == 0) sb.Append("<p class=\"ok\">No failures.</p>");
        else sb.Append($"<p><strong>{r.Failures.Count} failure(s)</strong></p>");
        foreach (var f in r.Failures)
        {
            sb.Append("<div class=\"fail\">")
              .Append($"<h3>{E(f.Kind)} — {E(f.OperationId)} ({E(f.Phase)})</h3><p>{E(f.Message)}</p>")
              .Append($"<h4>Shrunk input ({f.ShrinkSteps} shrink steps)</h4><pre>{E(f.ShrunkInput)}</pre>");
            foreach (var x in f.Exchanges)
                sb.Append($"<h4>Request</h4><pre>{E(x.Request)}{(x.Body is null ? "" : "\n" + E(x.Body))}</pre>")
                  .Append($"<h4>Response {x.Status}</h4><pre>{E(x.ResponseBody)}</pre>");
            sb.Append($"<h4>curl</h4><pre>{E(f.Curl)}</pre><h4>Replay</h4><pre>{E(f.Replay)}</pre>")
              .Append($"<details><summary>Original input</summary><pre>{E(f.OriginalInput)}</pre></details></div>");
        }
        if (r.Observations.Count > 0)
        {
            sb.Append("<h3>Observations</h3><table><tr><th>Kind</th><th>Operation</th><th>Count</th><th>Example</th></tr>");
            foreach (var o in r.Observations)
                sb.Append($"<tr><td>{E(o.Kind)}</td><td>{E(o.OperationId)}</td><td>{o.Count}</td><td><pre>{E(o.Example)}</pre></td></tr>");
            sb.Append("</table>");
        }
        sb.Append("</section>");
    }
}
