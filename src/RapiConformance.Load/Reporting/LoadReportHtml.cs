using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using RapiConformance.Load.Engine;

namespace RapiConformance.Load.Reporting;

/// <summary>
/// A self-contained HTML page for a run: summary tables written here, charts drawn in the browser as
/// inline SVG by a small script from the run's data embedded in the page (no external URL at all).
/// </summary>
public static class LoadReportHtml
{
    public static string Render(LoadReport r)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<title>Load: ").Append(E(r.Operation)).Append(" @ ").Append(E(r.Target)).Append("</title>")
            .Append("<style>").Append(Css).Append("</style></head><body>\n");
        html.Append("<h1>Load run: <code>").Append(E(r.Operation)).Append("</code></h1>\n<p class=\"sub\">")
            .Append(E(r.OperationDescription)).Append("<br>").Append(E(r.Target)).Append(" · started ")
            .Append(r.StartedUtc.ToString("u", CultureInfo.InvariantCulture)).Append(" · ")
            .Append(r.Model == "open" ? $"open model, {F(r.AskedPerSecond)} requests/s asked" : $"closed model, {r.Concurrency} workers" + (r.AskedPerSecond > 0 ? $", capped at {F(r.AskedPerSecond)}/s" : ""))
            .Append(" · warm-up ").Append(F(r.WarmupSeconds)).Append(" s excluded · measured ").Append(F(r.MeasuredSeconds))
            .Append(" s · stopped by ").Append(E(r.StoppedBy)).Append("</p>\n");

        html.Append("<div class=\"cards\">");
        Card(html, "asked", r.Model == "open" || r.AskedPerSecond > 0 ? $"{F(r.AskedPerSecond)}/s" : "as fast as possible");
        Card(html, "achieved", $"{F(r.AchievedPerSecond)}/s");
        Card(html, "p99 response", $"{F(r.ResponseTime.P99)} ms");
        Card(html, "errors", $"{r.MeasuredFailed + r.JobsFailed + r.JobsUnfinished}");
        if (r.SubmitsJobs) Card(html, "p99 job completion", $"{F(r.JobCompletion.P99)} ms");
        html.Append("</div>\n");

        html.Append("<h2>Latency (ms)</h2>\n<table><tr><th></th><th>count</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th><th>mean</th></tr>");
        Row(html, "response time (from intended send; coordinated omission corrected)", r.ResponseTime);
        Row(html, "service time (from actual send)", r.ServiceTime);
        Row(html, "generator lag (actual − intended send)", r.DispatchLag);
        if (r.SubmitsJobs) Row(html, "job completion (submit → terminal status)", r.JobCompletion);
        html.Append("</table>\n");

        html.Append("<h2>Requests</h2>\n<table>");
        Pair(html, "issued (warm-up included)", r.Issued.ToString(CultureInfo.InvariantCulture));
        Pair(html, "issued during warm-up (excluded)", r.WarmupIssued.ToString(CultureInfo.InvariantCulture));
        Pair(html, "measured: sent / succeeded / failed", $"{r.MeasuredSent} / {r.MeasuredSucceeded} / {r.MeasuredFailed}");
        if (r.SubmitsJobs)
            Pair(html, "jobs: submitted / succeeded / failed / unfinished", $"{r.JobsSubmitted} / {r.JobsSucceeded} / {r.JobsFailed} / {r.JobsUnfinished} ({F(r.JobsCompletedPerSecond)} completed/s)");
        if (r.Cleanup is not null) Pair(html, "clean-up after the run", r.Cleanup);
        html.Append("</table>\n<h2>Errors by kind (measured)</h2>\n");
        if (r.Errors.Count == 0) html.Append("<p>none</p>\n");
        else
        {
            html.Append("<table><tr><th>kind</th><th>count</th></tr>");
            foreach (var (kind, count) in r.Errors) html.Append("<tr><td>").Append(E(kind)).Append("</td><td>").Append(count).Append("</td></tr>");
            html.Append("</table>\n");
        }

        html.Append("<h2>Latency percentiles over time</h2><svg class=\"chart\" id=\"chart-latency\" data-chart=\"latency\" viewBox=\"0 0 900 300\"></svg>\n");
        html.Append("<h2>Throughput</h2><svg class=\"chart\" id=\"chart-throughput\" data-chart=\"throughput\" viewBox=\"0 0 900 300\"></svg>\n");
        html.Append("<h2>Job backlog and requests in flight</h2><svg class=\"chart\" id=\"chart-backlog\" data-chart=\"backlog\" viewBox=\"0 0 900 300\"></svg>\n");
        html.Append("<p class=\"sub\">Shaded: warm-up, left out of every figure above. Each point covers one sampling interval.</p>\n");
        html.Append("<script type=\"application/json\" id=\"load-data\">")
            .Append(JsonSerializer.Serialize(new { warmupSeconds = r.WarmupSeconds, timeline = r.Timeline }, LoadReportJson.Options)) // the default encoder escapes '<', so no "</script>" can appear
            .Append("</script>\n<script>").Append(LoadChartScript.Source).Append("</script>\n</body></html>\n");
        return html.ToString();
    }

    private static void Card(StringBuilder html, string label, string value) =>
        html.Append("<div class=\"card\"><div class=\"v\">").Append(E(value)).Append("</div><div class=\"l\">").Append(E(label)).Append("</div></div>");

    private static void Row(StringBuilder html, string label, LatencySummary s) =>
        html.Append("<tr><td>").Append(E(label)).Append("</td><td>").Append(s.Count).Append("</td><td>").Append(F(s.P50))
            .Append("</td><td>").Append(F(s.P90)).Append("</td><td>").Append(F(s.P99)).Append("</td><td>").Append(F(s.P999))
            .Append("</td><td>").Append(F(s.Max)).Append("</td><td>").Append(F(s.Mean)).Append("</td></tr>");

    private static void Pair(StringBuilder html, string label, string value) =>
        html.Append("<tr><td>").Append(E(label)).Append("</td><td>").Append(E(value)).Append("</td></tr>");

    private static string F(double v) => v.ToString(v >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);
    private static string E(string s) => WebUtility.HtmlEncode(s);

    private const string Css =
        "body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:960px;color:#222}" +
        "h1{font-size:22px;margin-bottom:4px}h2{font-size:16px;margin:22px 0 6px}.sub{color:#666}" +
        "table{border-collapse:collapse}td,th{padding:3px 10px;border-bottom:1px solid #e3e3e3;text-align:right}" +
        "td:first-child,th:first-child{text-align:left}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:14px 0}" +
        ".card{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:120px}.card .v{font-size:20px;font-weight:600}" +
        ".card .l{color:#666;font-size:12px}svg.chart{width:100%;height:auto;border:1px solid #eee;background:#fff}";
}
