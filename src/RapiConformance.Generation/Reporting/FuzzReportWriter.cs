using System.Text.Encodings.Web;
using System.Text.Json;
using RapiConformance.Generation.Running;

namespace RapiConformance.Generation.Reporting;

/// <summary>Writes a fuzz report as fuzz.json (the source) and fuzz.html (a self-contained page) into a directory.</summary>
public static class FuzzReportWriter
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<IReadOnlyList<string>> WriteAsync(FuzzReport report, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, "fuzz.json");
        var html = Path.Combine(directory, "fuzz.html");
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report, Json), cancellationToken);
        await File.WriteAllTextAsync(html, FuzzHtml.Render(report), cancellationToken);
        return [json, html];
    }
}
