using System.Runtime.CompilerServices;
using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>Cancelling a finished job answers [false, message] with 200 and leaves the job as it was.</summary>
public sealed class JobCancel : Check
{
    public override string Id => "job-cancel";
    public override string Title => "Cancelling a finished job is refused politely";
    public override string Requirement => "DELETE /2/jobs/{id} answers 200 with [success: bool, message: str]; a finalized job answers [false, …] and stays unchanged; an unknown job is not cancelled";
    public override string Source => "reference/jobs.md (Cancel)";
    public override bool Writes => true;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var tag = context.Name("cancel-tag");
        var submission = await context.SubmitAsync(RapiRequest.Put(Query.Path("/2/tags", ("tag", tag))), ct);
        context.Cleanup.Register("tag:" + tag, t => context.SendAsync(RapiRequest.Delete(Query.Path("/2/tags", ("tag", tag))), t));
        if (submission.Outcome is not { Finished: true } outcome)
        {
            yield return Fail("cancelJob", "could not get a finished job to cancel: " + submission.Problem, submission.Exchange);
            yield break;
        }
        var problems = new List<string>();
        var cancel = await context.SendAsync(RapiRequest.Delete($"/2/jobs/{outcome.JobId}"), ct);
        if (cancel.Status != 200) problems.Add($"expected 200, got {cancel.Summary}");
        else if (cancel.Json() is not { ValueKind: JsonValueKind.Array } pair || pair.GetArrayLength() != 2
                 || pair[0].ValueKind is not (JsonValueKind.True or JsonValueKind.False) || pair[1].ValueKind != JsonValueKind.String)
            problems.Add($"body is not [bool, str]: {CheckContext.Excerpt(cancel.ResponseBody)}");
        else if (pair[0].ValueKind == JsonValueKind.True) problems.Add($"a finished job was reported cancelled: {cancel.ResponseBody}");
        var after = await context.SendAsync(RapiRequest.Get($"/2/jobs/{outcome.JobId}"), ct);
        var status = after.Json() is { ValueKind: JsonValueKind.Object } j && j.TryGetProperty("status", out var s) ? s.GetString() : null;
        if (status != outcome.FinalStatus) problems.Add($"job status changed from {outcome.FinalStatus} to {status} after the cancel");
        var unknown = await context.SendAsync(RapiRequest.Delete("/2/jobs/987654321") with { Negative = true }, ct);
        if (unknown.Status == 200 && unknown.Json() is { ValueKind: JsonValueKind.Array } u && u.GetArrayLength() > 0 && u[0].ValueKind == JsonValueKind.True)
            problems.Add("an unknown job was reported cancelled");
        else if (unknown.Status is not (200 or 404)) problems.Add($"unknown job: expected 404 or [false, …], got {unknown.Summary}");
        yield return Verdict("cancelJob", problems, "finished job not cancelled, shape [bool, str]", cancel);
    }
}
