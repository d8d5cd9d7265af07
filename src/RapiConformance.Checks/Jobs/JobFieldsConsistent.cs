using System.Runtime.CompilerServices;
using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>Job objects are internally consistent: known statuses, equal-length op arrays, derived status, error form.</summary>
public sealed class JobFieldsConsistent : Check
{
    public override string Id => "job-fields-consistent";
    public override string Title => "Job objects are consistent";
    public override string Requirement => "status and opstatus come from the documented sets; ops, opstatus, opresult, summary and oplog have equal lengths; the status follows from opstatus; failed opresults carry a known classification";
    public override string Source => "reference/jobs.md";
    public override CheckPhase Phase => CheckPhase.Final;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var facts = await context.FactsAsync();
        var ids = context.SubmittedJobs.Concat(facts.Jobs.OrderDescending().Take(context.SampleSize)).Distinct().ToList();
        if (ids.Count == 0) { yield return Skip("getJob", "no job on the target and none submitted"); yield break; }
        var problems = new List<string>();
        Exchange? evidence = null;
        foreach (var id in ids)
        {
            var e = await context.SendAsync(RapiRequest.Get($"/2/jobs/{id}"), ct);
            evidence ??= e;
            if (e.Json() is not { } job) { problems.Add($"job {id}: {e.Summary}"); evidence = e; continue; }
            var p = JobShape.Problems(job, id);
            if (p.Count > 0) { problems.AddRange(p); evidence = e; }
        }
        yield return Verdict("getJob", problems, $"{ids.Count} job(s) consistent", evidence);

        var bulk = await context.SendAsync(RapiRequest.Get("/2/jobs?bulk=1"), ct);
        var bulkProblems = new List<string>();
        if (bulk.Json() is { ValueKind: JsonValueKind.Array } list)
            foreach (var job in list.EnumerateArray().TakeLast(Math.Max(context.SampleSize, 20)))
            {
                var id = job.TryGetProperty("id", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : -1;
                if (job.TryGetProperty("opresult", out _) || job.TryGetProperty("oplog", out _)) bulkProblems.Add($"job {id}: the bulk form has no oplog/opresult (J_FIELDS_BULK)");
                bulkProblems.AddRange(JobShape.Problems(job, id));
            }
        else bulkProblems.Add($"bulk job list unusable: {bulk.Summary}");
        yield return Verdict("listJobs", bulkProblems, "bulk job entries consistent", bulk);
    }
}
