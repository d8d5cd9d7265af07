using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;

namespace RapiConformance.Benchmarks;

/// <summary>
/// After a run: turns BenchmarkDotNet's medians into the figures the targets speak of (ratio to the
/// baseline, MB/s, jobs/s) and writes them to reports/bench/figures.md as well as the console.
/// </summary>
public static class Throughput
{
    public static void Report(IEnumerable<Summary> summaries, string artifacts)
    {
        var lines = new List<string> { "| benchmark | params | median | figure |", "|---|---|---|---|" };
        foreach (var summary in summaries)
            foreach (var report in summary.Reports.Where(r => r.ResultStatistics is not null))
            {
                var b = report.BenchmarkCase;
                var name = b.Descriptor.WorkloadMethod.Name;
                var parameters = b.Parameters.DisplayInfo;
                var medianNs = report.ResultStatistics!.Median; // per operation (OperationsPerInvoke applied)
                var figure = "";
                if (b.Descriptor.Type == typeof(JobBenchmarks))
                    figure = $"{1e9 / medianNs:0} jobs/s";
                else if (b.Descriptor.Type == typeof(ValidationBenchmarks) && BenchFiles.ReadPayloadSize(artifacts, ValidationBenchmarks.PayloadName) is { } bytes)
                    figure = $"{bytes / 1e6 / (medianNs / 1e9):0.0} MB/s of {bytes / 1e6:0.0} MB";
                else if (b.Descriptor.Type == typeof(BulkQueryBenchmarks))
                {
                    var count = b.Parameters["InstanceCount"];
                    var kind = name.StartsWith("Instances", StringComparison.Ordinal) ? "instances" : "nodes";
                    if (BenchFiles.ReadPayloadSize(artifacts, $"{kind}-bulk-{count}") is { } size)
                        figure = $"{size / 1e6 / (medianNs / 1e9):0.0} MB/s of {size / 1e3:0} kB";
                }
                var baseline = summary.GetLogicalGroupKey(b) is { } key
                    ? summary.Reports.FirstOrDefault(r => r.ResultStatistics is not null && r.BenchmarkCase.Descriptor.Baseline && summary.GetLogicalGroupKey(r.BenchmarkCase) == key)
                    : null;
                if (baseline is not null && baseline != report)
                    figure += $"{(figure.Length > 0 ? "; " : "")}baseline median / this median = {baseline.ResultStatistics!.Median / medianNs * 100:0.#} %";
                lines.Add($"| {b.Descriptor.Type.Name}.{name} | {parameters} | {Format(medianNs)} | {figure} |");
            }
        if (lines.Count == 2) return;
        var text = new StringBuilder().AppendLine("# Benchmark figures (medians)").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:u} on {Environment.ProcessorCount} cores.").AppendLine();
        foreach (var l in lines) text.AppendLine(l);
        File.WriteAllText(Path.Combine(artifacts, "figures.md"), text.ToString());
        Console.WriteLine(text);
    }

    private static string Format(double ns) => ns switch
    {
        >= 1e9 => $"{ns / 1e9:0.00} s",
        >= 1e6 => $"{ns / 1e6:0.00} ms",
        >= 1e3 => $"{ns / 1e3:0.00} µs",
        _ => $"{ns:0} ns",
    };
}
