using System.Text.Json;
using System.Text.Json.Serialization;
using RapiConformance.Load.Engine;

namespace RapiConformance.Load.Reporting;

/// <summary>report.json: the source of truth of a run; the HTML page is drawn from the same record.</summary>
public static class LoadReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize(LoadReport report) => JsonSerializer.Serialize(report, Options);

    public static LoadReport? Deserialize(string json) => JsonSerializer.Deserialize<LoadReport>(json, Options);

    /// <summary>Writes report.json and report.html into <paramref name="directory"/>; returns their paths.</summary>
    public static async Task<(string Json, string Html)> WriteAsync(LoadReport report, string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, "report.json");
        var html = Path.Combine(directory, "report.html");
        await File.WriteAllTextAsync(json, Serialize(report), ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(html, LoadReportHtml.Render(report), ct).ConfigureAwait(false);
        return (json, html);
    }
}
