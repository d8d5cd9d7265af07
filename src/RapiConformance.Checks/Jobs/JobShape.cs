using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>The rules every job object obeys (jobs.md), as a list of problems.</summary>
internal static class JobShape
{
    public static List<string> Problems(JsonElement job, long id)
    {
        var problems = new List<string>();
        if (job.ValueKind != JsonValueKind.Object) return ["job is not an object"];
        if (!job.TryGetProperty("id", out var jid) || !(jid.ValueKind == JsonValueKind.Number && jid.TryGetInt64(out var n) && n == id
                                                         || jid.ValueKind == JsonValueKind.String && jid.GetString() == id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            problems.Add($"job {id}: id field does not equal {id}");
        var status = job.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        if (status is null || !JobStatus.All.Contains(status)) problems.Add($"job {id}: status '{status}' is not one of {string.Join("/", JobStatus.All)}");
        int? Length(string key) => job.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array ? v.GetArrayLength() : null;
        var ops = Length("ops");
        foreach (var key in new[] { "opstatus", "opresult", "summary", "oplog" })
            if (job.TryGetProperty(key, out _) && Length(key) != ops) problems.Add($"job {id}: {key} has {Length(key)?.ToString() ?? "no"} entries, ops has {ops}");
        if (job.TryGetProperty("opstatus", out var opstatus) && opstatus.ValueKind == JsonValueKind.Array)
        {
            var statuses = opstatus.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : "?").ToList();
            foreach (var o in statuses.Where(o => !JobStatus.All.Contains(o)).Distinct()) problems.Add($"job {id}: opstatus '{o}' is unknown");
            if (status is not null && statuses.Count > 0 && Derived(statuses) is { } derived && derived != status)
                problems.Add($"job {id}: status '{status}' does not follow from opstatus [{string.Join(",", statuses)}] (expected '{derived}')");
            if (job.TryGetProperty("opresult", out var results) && results.ValueKind == JsonValueKind.Array)
                for (var i = 0; i < Math.Min(statuses.Count, results.GetArrayLength()); i++)
                    if (statuses[i] == "error" && ErrorProblem(results[i]) is { } p) problems.Add($"job {id} op {i}: {p}");
        }
        if (status is "success" or "error" or "canceled" && job.TryGetProperty("end_ts", out var end) && end.ValueKind == JsonValueKind.Null)
            problems.Add($"job {id}: finalized ({status}) but end_ts is null");
        return problems;
    }

    /// <summary>The job status Ganeti derives from the opcode statuses (jobs.md).</summary>
    public static string? Derived(IReadOnlyList<string> ops)
    {
        if (ops.Contains("error")) return "error";
        if (ops.Contains("canceled")) return "canceled";
        if (ops.Contains("canceling")) return "canceling";
        var last = ops.LastOrDefault(o => o is "waiting" or "running");
        if (last is not null) return last;
        if (ops.All(o => o == "success")) return "success";
        return "queued";
    }

    /// <summary>Null when a failed opresult has the form ["ErrorClass", [message, classification?]] with a known classification.</summary>
    public static string? ErrorProblem(JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Array || result.GetArrayLength() != 2 || result[0].ValueKind != JsonValueKind.String)
            return $"failed opresult {CheckContext.Excerpt(result.GetRawText(), 80)} is not [ErrorClass, [message, classification]]";
        var detail = result[1];
        if (detail.ValueKind != JsonValueKind.Array || detail.GetArrayLength() is < 1 or > 2)
            return $"failed opresult detail {CheckContext.Excerpt(detail.GetRawText(), 80)} is not [message] or [message, classification]";
        if (detail.GetArrayLength() == 2 && detail[1].ValueKind == JsonValueKind.String && !JobStatus.ErrorClassifications.Contains(detail[1].GetString()!))
            return $"error classification '{detail[1].GetString()}' is not one of Ganeti's ECODE values";
        return null;
    }
}
