using System.Runtime.CompilerServices;
using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>Execution errors are not HTTP errors: the job is accepted, then fails with a classified opresult.</summary>
public sealed class JobFailureClassified : Check
{
    public override string Id => "job-failure-classified";
    public override string Title => "A failing job is accepted, then ends 'error' with a classified opresult";
    public override string Requirement => "Shutting down an unknown instance answers 200 with a job id; the job ends 'error' with [\"OpPrereqError\", [message, \"unknown_entity\"]]";
    public override string Source => "reference/jobs.md (Failed opresult form); samples 059-060";
    public override bool Writes => true;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var name = context.Name("no-such-instance");
        var submission = await context.SubmitAsync(RapiRequest.Put($"/2/instances/{name}/shutdown"), ct);
        var problems = new List<string>();
        if (submission.Outcome is not { } outcome) problems.Add(submission.Problem ?? "no job");
        else if (outcome.FinalStatus != "error") problems.Add($"job {outcome.JobId} ended '{outcome.FinalStatus}' ({outcome.Problem}), expected 'error'");
        else if (outcome.Job is { } job && job.TryGetProperty("opresult", out var results) && results.ValueKind == JsonValueKind.Array && results.GetArrayLength() > 0)
        {
            var r = results[0];
            if (JobShape.ErrorProblem(r) is { } p) problems.Add(p);
            else if (r[1].GetArrayLength() < 2 || r[1][1].GetString() != "unknown_entity")
                problems.Add($"classification is not unknown_entity: {CheckContext.Excerpt(r.GetRawText(), 120)}");
        }
        else problems.Add("the failed job has no opresult");
        yield return Verdict("shutdownInstance", problems, "the job failed with OpPrereqError/unknown_entity", submission.Exchange);
    }
}
