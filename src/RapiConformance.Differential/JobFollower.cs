using System.Text.Json.Nodes;

namespace RapiConformance.Differential;

/// <summary>Polls GET /2/jobs/{id} until the job is finalized or the time budget runs out.</summary>
public sealed class JobFollower(TimeSpan budget, TimeSpan interval)
{
    public async Task<JobOutcome> FollowAsync(RapiHttp http, long jobId, CancellationToken cancellationToken)
    {
        var statuses = new List<string>();
        JsonNode? job = null;
        var deadline = DateTime.UtcNow + budget;
        while (true)
        {
            var response = await http.SendAsync("GET", $"/2/jobs/{jobId}", null, null, DiffRole.Writer, cancellationToken).ConfigureAwait(false);
            job = response.Json;
            var status = job is JsonObject o && o["status"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (status is not null && (statuses.Count == 0 || statuses[^1] != status))
            {
                statuses.Add(status);
            }
            if ((status is not null && JobOutcome.Finalized.Contains(status)) || DateTime.UtcNow >= deadline)
            {
                break;
            }
            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
        var (errorClass, classification, message) = Failure(job);
        return new JobOutcome(jobId, statuses, statuses.Count > 0 ? statuses[^1] : null, errorClass, classification, message, job);
    }

    /// <summary>The first failed opresult, in Ganeti's form [class, [message, classification?]].</summary>
    private static (string? Class, string? Classification, string? Message) Failure(JsonNode? job)
    {
        if (job is not JsonObject o || o["opstatus"] is not JsonArray statuses || o["opresult"] is not JsonArray results)
        {
            return (null, null, null);
        }
        for (var i = 0; i < statuses.Count && i < results.Count; i++)
        {
            if (statuses[i]?.GetValue<string>() != "error")
            {
                continue;
            }
            if (results[i] is JsonArray { Count: 2 } form && form[0] is JsonValue cls)
            {
                var details = form[1] as JsonArray;
                var message = details is { Count: > 0 } && details[0] is JsonValue m ? m.ToString() : null;
                var classification = details is { Count: > 1 } && details[1] is JsonValue c ? c.ToString() : null;
                return (cls.ToString(), classification, message);
            }
            return ("(unparsed)", null, results[i]?.ToJsonString());
        }
        return (null, null, null);
    }
}
