using System.Runtime.CompilerServices;

namespace RapiConformance.Checks;

/// <summary>Across every job the run followed, statuses only moved forward and every job finished in time.</summary>
public sealed class JobStatusForward : Check
{
    public override string Id => "job-status-forward";
    public override string Title => "Job statuses only move forward and jobs finish";
    public override string Requirement => "queued → waiting ⇄ running (a multi-opcode job waits again for each opcode's locks) → success|error (or → canceling → canceled); a finalized job never changes; jobs end within the time limit";
    public override string Source => "reference/jobs.md (Transitions)";
    public override CheckPhase Phase => CheckPhase.Final;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var outcomes = context.JobOutcomes;
        if (outcomes.Count == 0) { yield return Skip("getJob", "no job was followed in this run"); yield break; }
        var problems = new List<string>();
        foreach (var o in outcomes)
        {
            for (var i = 1; i < o.ObservedStatuses.Count; i++)
                if (Client.JobStatus.Rank(o.ObservedStatuses[i]) < Client.JobStatus.Rank(o.ObservedStatuses[i - 1]))
                    problems.Add($"job {o.JobId} went {string.Join(" → ", o.ObservedStatuses)}");
            if (o.Problem is not null) problems.Add(o.Describe());
        }
        foreach (var o in outcomes.Where(o => o.Finished).Take(200))
        {
            var again = await context.SendAsync(Client.RapiRequest.Get($"/2/jobs/{o.JobId}"), ct);
            var status = again.Json() is { ValueKind: System.Text.Json.JsonValueKind.Object } j && j.TryGetProperty("status", out var s) ? s.GetString() : null;
            if (status != o.FinalStatus) problems.Add($"job {o.JobId} was {o.FinalStatus} and later reads '{status ?? again.Summary}'");
        }
        yield return Verdict("getJob", problems.Distinct().ToList(), $"{outcomes.Count} job(s) moved forward and finished", null);
    }
}
