using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace RapiConformance.Reports;

/// <summary>
/// report.html: one self-contained page (inline CSS and a little script, nothing fetched) that reads offline:
/// failures first with their curl reproduction, then the operations × checks matrix, coverage, and the rest.
/// </summary>
public static class HtmlReport
{
    public static string Render(RunReport report)
    {
        var html = new StringBuilder();
        var failures = report.Results.Where(r => r.Status == "Fail" && !r.KnownDeviation)
            .OrderBy(r => r.Severity == "Must" ? 0 : 1).ThenBy(r => r.Check, StringComparer.Ordinal).ToList();
        var known = report.Results.Where(r => r.Status == "Fail" && r.KnownDeviation).ToList();
        var s = report.Summary;
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>RAPI conformance: ")
            .Append(HtmlEncode(report.Target)).Append("</title><style>").Append(Css).Append("</style></head><body>");
        html.Append("<h1>RAPI conformance report</h1><p class=\"meta\">")
            .Append(CultureInfo.InvariantCulture, $"Target <b>{HtmlEncode(report.Target)}</b> · profile <b>{HtmlEncode(report.Profile)}</b>")
            .Append(report.ProfileDetection is null ? "" : $" ({HtmlEncode(report.ProfileDetection)})")
            .Append(CultureInfo.InvariantCulture, $" · suite <b>{HtmlEncode(report.Suite)}</b> · seed {report.Seed} · {report.Started:u} – {report.Finished:u} ({s.DurationSeconds:0.0} s)</p>");
        html.Append("<div class=\"summary\">")
            .Append(Badge("fail", $"{s.Failed} failed ({s.MustFailures} must)"))
            .Append(Badge("pass", $"{s.Passed} passed"))
            .Append(Badge("skip", $"{s.Skipped} skipped"))
            .Append(Badge("disabled", $"{s.Disabled} disabled"))
            .Append(Badge("known", $"{s.KnownDeviations} known deviations"))
            .Append(Badge("info", $"{s.Checks} checks · {s.Results} results · {s.Requests} requests"))
            .Append(Badge("info", $"coverage {report.Coverage.Exercised}/{report.Coverage.OperationsInProfile} operations")).Append("</div>");

        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"failures\">Failures ({failures.Count})</h2>");
        if (failures.Count == 0) html.Append("<p class=\"none\">No failures.</p>");
        foreach (var f in failures) html.Append(Failure(f));

        if (known.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"known\">Known deviations ({known.Count})</h2><p>Expected failures listed in the known-deviations file; they do not fail the run.</p>");
            foreach (var f in known) html.Append(Failure(f));
        }
        if (report.Baseline is { } b)
        {
            html.Append("<h2 id=\"baseline\">Compared with the baseline</h2><p>").Append(HtmlEncode(b.File)).Append("</p>")
                .Append(List("New failures", b.NewFailures)).Append(List("Fixed since the baseline", b.Fixed)).Append(List("Still failing", b.StillFailing));
        }
        html.Append(Matrix(report));
        html.Append(Coverage(report));
        html.Append(Findings(report));
        html.Append(AllResults(report));
        html.Append(Checks(report));
        if (report.CleanupProblems.Count > 0) html.Append(List("Clean-up problems", report.CleanupProblems));
        if (report.Notes.Count > 0) html.Append(List("Notes", report.Notes));
        html.Append("<script>").Append(Script).Append("</script></body></html>");
        return html.ToString();
    }

    private static string Failure(ResultRow f)
    {
        var sb = new StringBuilder();
        sb.Append("<div class=\"failure\"><div class=\"title\"><span class=\"sev\">").Append(HtmlEncode(f.Severity)).Append("</span> <code>")
            .Append(HtmlEncode(f.Check)).Append("</code> on <code>").Append(HtmlEncode(f.Operation ?? "(server)")).Append("</code></div><p>")
            .Append(HtmlEncode(f.Message)).Append("</p>");
        if (f.Request is { } rq) sb.Append("<p class=\"req\">").Append(HtmlEncode($"{rq.Method} {rq.Url}")).Append(rq.User is null ? "" : HtmlEncode($" as {rq.User}")).Append("</p>");
        if (f.Response is { } rs)
            sb.Append("<p class=\"resp\">").Append(HtmlEncode(rs.TransportError is null ? $"→ {rs.Status} in {rs.DurationMs:0} ms" : $"→ {rs.TransportError} after {rs.DurationMs:0} ms"))
                .Append("</p>").Append(rs.Excerpt.Length > 0 ? $"<pre class=\"body\">{HtmlEncode(rs.Excerpt)}</pre>" : "");
        if (f.Reproduce is not null) sb.Append("<pre class=\"curl\">").Append(HtmlEncode(f.Reproduce)).Append("</pre>");
        return sb.Append("</div>").ToString();
    }

    private static string Matrix(RunReport report)
    {
        var checks = report.Results.Where(r => r.Operation is not null).Select(r => r.Check).Distinct().ToList();
        var sb = new StringBuilder("<h2 id=\"matrix\">Operations × checks</h2><div class=\"scroll\"><table class=\"matrix\"><thead><tr><th>operation</th>");
        foreach (var c in checks) sb.Append("<th class=\"v\"><span>").Append(HtmlEncode(c)).Append("</span></th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var op in report.Coverage.Operations)
        {
            sb.Append("<tr><th title=\"").Append(HtmlEncode($"{op.Method} {op.Path}")).Append("\">").Append(HtmlEncode(op.Operation)).Append("</th>");
            foreach (var c in checks)
            {
                var status = op.Checks.GetValueOrDefault(c);
                var row = status is null ? null : report.Results.FirstOrDefault(r => r.Check == c && r.Operation == op.Operation);
                var css = status is null ? "na" : row is { KnownDeviation: true } ? "known" : status.ToLowerInvariant();
                sb.Append("<td class=\"").Append(css).Append("\" title=\"").Append(HtmlEncode(row is null ? "not applicable" : $"{c}: {row.Message}"))
                    .Append("\">").Append(status is null ? "" : status[..1]).Append("</td>");
            }
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table></div><p class=\"legend\">P pass · F fail · S skip · D disabled · empty: the check does not concern the operation</p>").ToString();
    }

    private static string Coverage(RunReport report)
    {
        var missing = report.Coverage.Operations.Where(o => o.Requests == 0).Select(o => $"{o.Operation} ({o.Method} {o.Path})").ToList();
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<h2 id=\"coverage\">Coverage</h2><p>{report.Coverage.Exercised} of {report.Coverage.OperationsInProfile} operations of profile {HtmlEncode(report.Profile)} were exercised.</p>");
        return sb.Append(List("Not exercised", missing)).ToString();
    }

    private static string Findings(RunReport report)
    {
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<h2 id=\"fuzz\">Fuzz failures ({report.Fuzz.Count})</h2>");
        if (report.Fuzz.Count == 0) sb.Append("<p class=\"none\">None recorded (the fuzz verb fills this section).</p>");
        foreach (var f in report.Fuzz)
            sb.Append("<div class=\"failure\"><div class=\"title\"><code>").Append(HtmlEncode(f.Check)).Append("</code> on <code>").Append(HtmlEncode(f.Operation))
                .Append(CultureInfo.InvariantCulture, $"</code> (seed {f.Seed}, case {f.CaseIndex})</div><p>").Append(HtmlEncode(f.Message).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>")
                .Append(f.Request is null ? "" : $"<pre>{HtmlEncode(f.Request.Method + " " + f.Request.Url + (f.Request.Body is null ? "" : "\n" + f.Request.Body))}</pre>")
                .Append(f.Response is null ? "" : $"<pre>{HtmlEncode($"{f.Response.Status} {f.Response.Excerpt}")}</pre>")
                .Append(f.Reproduce is null ? "" : $"<pre class=\"curl\">{HtmlEncode(f.Reproduce)}</pre>").Append("</div>");
        sb.Append(CultureInfo.InvariantCulture, $"<h2 id=\"diff\">Differential results ({report.Diff.Count})</h2>");
        if (report.Diff.Count == 0) sb.Append("<p class=\"none\">None recorded (the diff verb fills this section).</p>");
        else
        {
            sb.Append("<table><tr><th>operation</th><th>request</th><th>difference</th><th>left</th><th>right</th></tr>");
            foreach (var d in report.Diff)
                sb.Append("<tr><td>").Append(HtmlEncode(d.Operation)).Append("</td><td>").Append(HtmlEncode(d.Request)).Append("</td><td>").Append(HtmlEncode(d.Difference))
                    .Append("</td><td><pre>").Append(HtmlEncode(d.Left)).Append("</pre></td><td><pre>").Append(HtmlEncode(d.Right)).Append("</pre></td></tr>");
            sb.Append("</table>");
        }
        return sb.ToString();
    }

    private static string AllResults(RunReport report)
    {
        var sb = new StringBuilder("<h2 id=\"results\">All results</h2><label><input type=\"checkbox\" id=\"show-pass\"> show passes</label> <span id=\"shown\"></span>"
                                   + "<table class=\"results\"><thead><tr><th>status</th><th>check</th><th>operation</th><th>message</th></tr></thead><tbody>");
        foreach (var r in report.Results.OrderBy(r => r.Status switch { "Fail" => 0, "Skip" => 1, "Disabled" => 2, _ => 3 }))
            sb.Append("<tr class=\"").Append(r.KnownDeviation ? "known" : r.Status.ToLowerInvariant()).Append("\"><td>").Append(HtmlEncode(r.KnownDeviation ? "Known" : r.Status))
                .Append("</td><td>").Append(HtmlEncode(r.Check)).Append("</td><td>").Append(HtmlEncode(r.Operation ?? "")).Append("</td><td>").Append(HtmlEncode(r.Message)).Append("</td></tr>");
        return sb.Append("</tbody></table>").ToString();
    }

    private static string Checks(RunReport report)
    {
        var sb = new StringBuilder("<h2 id=\"checks\">Checks</h2><table><tr><th>id</th><th>severity</th><th>requirement</th><th>source</th><th>profiles</th><th>writes</th></tr>");
        foreach (var c in report.Checks)
            sb.Append("<tr><td><code>").Append(HtmlEncode(c.Id)).Append("</code><br>").Append(HtmlEncode(c.Title)).Append("</td><td>").Append(HtmlEncode(c.Severity))
                .Append("</td><td>").Append(HtmlEncode(c.Requirement)).Append("</td><td>").Append(HtmlEncode(c.Source)).Append("</td><td>")
                .Append(HtmlEncode(string.Join(" ", c.Profiles))).Append("</td><td>").Append(c.Writes ? "yes" : "no").Append("</td></tr>");
        return sb.Append("</table>").ToString();
    }

    private static string List(string title, IReadOnlyCollection<string> items) =>
        items.Count == 0 ? $"<h3>{HtmlEncode(title)}</h3><p class=\"none\">none</p>"
            : $"<h3>{HtmlEncode(title)} ({items.Count})</h3><ul>" + string.Concat(items.Select(i => $"<li><code>{HtmlEncode(i)}</code></li>")) + "</ul>";

    private static string Badge(string css, string text) => $"<span class=\"badge {css}\">{HtmlEncode(text)}</span>";

    private const string Css = """
        body{font:14px/1.45 system-ui,sans-serif;margin:1.5em;color:#222}h1{margin:.2em 0}.meta{color:#555}
        .badge{display:inline-block;padding:.25em .7em;margin:.2em;border-radius:1em;background:#eee}
        .badge.fail{background:#f8d0d0}.badge.pass{background:#cdeccd}.badge.skip{background:#fff2c2}.badge.known{background:#e4d7f5}
        .failure{border-left:4px solid #c33;background:#fff7f7;padding:.4em .8em;margin:.6em 0}.failure .title{font-weight:600}
        .sev{background:#c33;color:#fff;border-radius:.3em;padding:0 .4em;font-size:12px}
        pre{background:#f4f4f4;padding:.5em;overflow-x:auto;white-space:pre-wrap;word-break:break-all}pre.curl{background:#1e1e1e;color:#eee}
        table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.2em .4em;vertical-align:top;text-align:left}
        .scroll{overflow-x:auto}.matrix td{text-align:center;width:1.4em;padding:0}.matrix th.v{height:12em;white-space:nowrap;vertical-align:bottom}
        .matrix th.v span{writing-mode:vertical-rl;transform:rotate(180deg)}
        td.pass{background:#cdeccd}td.fail{background:#f3a5a5}td.skip{background:#fff2c2}td.disabled{background:#ddd}td.known{background:#e4d7f5}
        tr.pass{display:none}body.show-pass tr.pass{display:table-row}tr.fail td:first-child{color:#c33;font-weight:600}.none{color:#777}.legend{color:#666;font-size:12px}
        """;

    private const string Script = """
        (function () {
          var box = document.getElementById('show-pass');
          var shown = document.getElementById('shown');
          function update() {
            document.body.classList.toggle('show-pass', box.checked);
            var rows = document.querySelectorAll('table.results tbody tr');
            var visible = 0;
            rows.forEach(function (r) { if (getComputedStyle(r).display !== 'none') visible++; });
            shown.textContent = visible + ' of ' + rows.length + ' results shown';
          }
          box.addEventListener('change', update);
          update();
          document.body.setAttribute('data-report-ready', 'yes');
        })();
        """;
}
