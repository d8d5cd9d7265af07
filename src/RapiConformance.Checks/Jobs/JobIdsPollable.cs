using System.Runtime.CompilerServices;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>Every job id handed out during the run can be read back, finished, and appears in /2/jobs.</summary>
public sealed class JobIdsPollable : Check
{
    public override string Id => "job-ids-pollable";
    public override string Title => "Every returned job id is pollable";
    public override string Requirement => "Each job id a request returned answers GET /2/jobs/{id} with that job, and the job list contains it";
    public override string Source => "reference/jobs.md; resources.md N1";
    public override CheckPhase Phase => CheckPhase.Final;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var ids = context.SubmittedJobs.Distinct().Order().ToList();
        if (ids.Count == 0) { yield return Skip("getJob", "no job was submitted in this run"); yield break; }
        var listed = (await FactsLoader.NamesAsync(context.Client, "/2/jobs", ct)).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        Exchange? evidence = null;
        foreach (var id in ids)
        {
            var e = await context.SendAsync(RapiRequest.Get($"/2/jobs/{id}"), ct);
            evidence ??= e;
            if (e.Status != 200) { problems.Add($"job {id}: {e.Summary}"); evidence = e; }
            else if (!listed.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture))) problems.Add($"job {id} is missing from GET /2/jobs");
        }
        yield return Verdict("getJob", problems, $"{ids.Count} submitted job(s) readable and listed", evidence);
    }
}
