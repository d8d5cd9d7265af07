using System.Runtime.CompilerServices;
using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>GET /2/jobs/{id}/wait answers a finished job at once with the requested fields; an unknown job is 404.</summary>
public sealed class JobWaitAnswers : Check
{
    public override string Id => "job-wait";
    public override string Title => "/2/jobs/{id}/wait reports a finished job at once";
    public override string Requirement => "For a finalized job, /wait with {fields: [status]} answers {job_info: [status], log_entries: [...]} without blocking; an unknown job answers 404";
    public override string Source => "reference/jobs.md (Wait); sample 044";
    public override IReadOnlySet<string> Profiles => From25;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var facts = await context.FactsAsync();
        long? id = null;
        foreach (var candidate in facts.Jobs.OrderDescending().Take(10))
        {
            var j = await context.SendAsync(RapiRequest.Get($"/2/jobs/{candidate}"), ct);
            if (j.Json() is { ValueKind: JsonValueKind.Object } job && job.TryGetProperty("status", out var s) && s.GetString() is { } st && JobStatus.Finalized.Contains(st))
            { id = candidate; break; }
        }
        if (id is null && context.AllowWrites)
        {
            // A fresh cluster has no job yet: make one (a cluster tag, removed again).
            var tag = context.Name("wait-tag");
            var made = await context.SubmitAsync(RapiRequest.Put(Query.Path("/2/tags", ("tag", tag))), ct);
            if (made.Outcome is { Finished: true } o) id = o.JobId;
            await context.SubmitAsync(RapiRequest.Delete(Query.Path("/2/tags", ("tag", tag))), ct);
        }
        if (id is null) { yield return Skip("waitForJobChange", "no finished job on the target to wait for"); yield break; }
        var started = DateTimeOffset.UtcNow;
        var wait = await context.Jobs.WaitForChangeAsync(id.Value, ["status", "id"], null, ct);
        var took = DateTimeOffset.UtcNow - started;
        if (wait.Status == 403) { yield return Skip("waitForJobChange", "the user lacks the write option that /wait needs"); yield break; }
        var problems = new List<string>();
        if (wait.Status != 200) problems.Add($"expected 200, got {wait.Summary}");
        else if (wait.Json() is not { ValueKind: JsonValueKind.Object } body || !body.TryGetProperty("job_info", out var info) || info.ValueKind != JsonValueKind.Array
                 || info.GetArrayLength() != 2 || !body.TryGetProperty("log_entries", out var log) || log.ValueKind != JsonValueKind.Array)
            problems.Add($"expected {{job_info: [status, id], log_entries: [...]}}, got {CheckContext.Excerpt(wait.ResponseBody)}");
        else if (info[0].ValueKind != JsonValueKind.String || !JobStatus.Finalized.Contains(info[0].GetString()!)) problems.Add($"job_info[0] is not the final status: {info[0].GetRawText()}");
        if (took > TimeSpan.FromSeconds(5)) problems.Add($"a finished job took {took.TotalSeconds:0.0} s to answer");
        var unknown = await context.SendAsync(new RapiRequest("GET", "/2/jobs/987654321/wait") { Body = "{\"fields\":[\"status\"]}", Negative = true }, ct);
        if (unknown.Status != 404) problems.Add($"unknown job: expected 404, got {unknown.Summary}");
        yield return Verdict("waitForJobChange", problems, "finished job reported at once; unknown job 404", wait);
    }
}
