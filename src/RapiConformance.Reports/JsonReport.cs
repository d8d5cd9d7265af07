using System.Text.Json;
using System.Text.Json.Serialization;

namespace RapiConformance.Reports;

/// <summary>report.json: the source every other format is rendered from, and what --baseline reads back.</summary>
public static class JsonReport
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(RunReport report) => JsonSerializer.Serialize(report, Options);

    public static RunReport Deserialize(string json) =>
        JsonSerializer.Deserialize<RunReport>(json, Options) ?? throw new InvalidDataException("report.json is empty");

    public static RunReport Read(string path) => Deserialize(File.ReadAllText(path));
}
