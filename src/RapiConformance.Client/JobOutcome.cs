using System.Text.Json;

namespace RapiConformance.Client;

/// <summary>What polling one job saw: every status in order, the final job object, or why it stopped.</summary>
public sealed record JobOutcome(
    long JobId,
    string? FinalStatus,
    JsonElement? Job,
    IReadOnlyList<string> ObservedStatuses,
    string? Problem)
{
    public bool Succeeded => Problem is null && FinalStatus == "success";

    public bool Finished => Problem is null && FinalStatus is not null && JobStatus.Finalized.Contains(FinalStatus);

    /// <summary>A one-line description of the job's failure, from its first failed opresult.</summary>
    public string Describe()
    {
        if (Problem is not null) return $"job {JobId}: {Problem}";
        var text = $"job {JobId} ended {FinalStatus}";
        if (Job is { } job && job.TryGetProperty("opresult", out var results) && results.ValueKind == JsonValueKind.Array)
        {
            var failed = results.EnumerateArray().FirstOrDefault(r => r.ValueKind == JsonValueKind.Array);
            if (failed.ValueKind == JsonValueKind.Array) text += ": " + failed.GetRawText();
        }
        return text;
    }
}
