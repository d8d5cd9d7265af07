using System.Globalization;
using RapiConformance.Load.Engine;
using Spectre.Console;

namespace RapiConformance.Load.Reporting;

/// <summary>Progress on a terminal: one Spectre.Console table refreshed in place every interval.</summary>
public sealed class LiveTableProgress : ILoadProgress
{
    private readonly Lock _gate = new();
    private LiveDisplayContext? _context;

    public Table Table { get; } = new Table().Border(TableBorder.Rounded).Title("[bold]rapi-conformance load[/]")
        .AddColumn("t").AddColumn("issued").AddColumn("ok/s").AddColumn("p50 ms").AddColumn("p99 ms")
        .AddColumn("max ms").AddColumn("errors").AddColumn("in flight").AddColumn("job backlog").AddColumn("job p99 ms");

    public string Status { get; private set; } = "";

    public void Attach(LiveDisplayContext context) => _context = context;

    public void Phase(string message)
    {
        lock (_gate)
        {
            Status = message;
            Table.Caption(Markup.Escape(message));
            _context?.Refresh();
        }
    }

    public void Sample(TimelinePoint point, long issued, long errorsTotal)
    {
        var p = point;
        static string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            if (Table.Rows.Count >= 12) Table.Rows.RemoveAt(0); // keep the table a screenful
            Table.AddRow(N(p.Seconds) + (p.Warmup ? " w" : ""), issued.ToString(CultureInfo.InvariantCulture), N(Math.Round(p.AchievedPerSecond)),
                N(p.Response.P50), N(p.Response.P99), N(p.Response.Max),
                errorsTotal == 0 ? "0" : $"[red]{errorsTotal}[/]", p.InFlight.ToString(CultureInfo.InvariantCulture),
                p.JobBacklog.ToString(CultureInfo.InvariantCulture), N(p.JobCompletion.P99));
            _context?.Refresh();
        }
    }
}
