using System.Text.Json;
using System.Text.Json.Nodes;

namespace RapiConformance.Differential;

/// <summary>
/// diff-run.json: the whole differential run (counts, every step, both sides' statuses and jobs, every
/// difference with what documents it). The findings also go into the shared report.json (see
/// <see cref="DiffReportFiles"/>).
/// </summary>
public static class DiffReportJson
{
    public static JsonObject Section(DiffResult result) => new()
    {
        ["a"] = result.A,
        ["b"] = result.B,
        ["startedAt"] = result.StartedAt.ToString("O"),
        ["durationSeconds"] = Math.Round(result.Duration.TotalSeconds, 2),
        ["steps"] = result.Steps.Count,
        ["compared"] = result.Compared,
        ["skipped"] = result.SkippedCount,
        ["operationsCompared"] = result.OperationsCompared.Count,
        ["operationsInSpec"] = result.OperationsInSpec,
        ["unexpectedCount"] = result.Unexpected.Count,
        ["documentedCount"] = result.Documented.Count,
        ["unexpected"] = new JsonArray(result.Unexpected.Select(Row).ToArray<JsonNode?>()),
        ["documented"] = new JsonArray(result.Documented.Select(Row).ToArray<JsonNode?>()),
        ["stepResults"] = new JsonArray(result.Steps.Select(Step).ToArray<JsonNode?>()),
    };

    public static string Write(DiffResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "diff-run.json");
        File.WriteAllText(file, Section(result).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return file;
    }

    private static JsonObject Row(Difference d) => new()
    {
        ["step"] = d.StepId,
        ["operation"] = d.OperationId,
        ["kind"] = d.Kind.ToString(),
        ["path"] = d.Path,
        ["a"] = d.A,
        ["b"] = d.B,
        ["documentedBy"] = d.DocumentedBy,
    };

    private static JsonObject Step(StepOutcome s) => new()
    {
        ["id"] = s.Step.Id,
        ["operation"] = s.Step.OperationId,
        ["kind"] = s.Step.Kind.ToString(),
        ["request"] = $"{s.Step.Method} {s.Step.Path}",
        ["skipped"] = s.SkipReason,
        ["a"] = Side(s.A, s.AJob),
        ["b"] = Side(s.B, s.BJob),
        ["differences"] = s.Differences.Count,
    };

    private static JsonObject? Side(ObservedResponse? r, JobOutcome? job) => r is null
        ? null
        : new JsonObject
        {
            ["status"] = r.Status,
            ["ms"] = Math.Round(r.ElapsedMs, 1),
            ["job"] = job is null
                ? null
                : new JsonObject
                {
                    ["id"] = job.JobId,
                    ["statuses"] = new JsonArray(job.Statuses.Select(x => (JsonNode?)x).ToArray()),
                    ["errorClass"] = job.ErrorClass,
                    ["classification"] = job.Classification,
                    ["message"] = job.ErrorMessage,
                },
        };
}
