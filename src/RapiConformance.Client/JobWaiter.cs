using System.Text.Json;

namespace RapiConformance.Client;

/// <summary>Follows jobs: reads job ids from answers, polls GET /2/jobs/{id}, and calls /wait.</summary>
public sealed class JobWaiter(RapiClient client, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>A job id as RAPI returns it: a JSON integer (3.0) or a string of digits (older servers).</summary>
    public static bool TryReadJobId(JsonElement? body, out long id)
    {
        id = 0;
        if (body is not { } e) return false;
        if (e.ValueKind == JsonValueKind.Number) return e.TryGetInt64(out id) && id >= 0;
        return e.ValueKind == JsonValueKind.String && long.TryParse(e.GetString(), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out id);
    }

    /// <summary>Polls until the job is finalized or <paramref name="limit"/> passes; never throws for server behaviour.</summary>
    public async Task<JobOutcome> WaitAsync(long jobId, TimeSpan limit, CancellationToken ct)
    {
        var statuses = new List<string>();
        var deadline = _time.GetUtcNow() + limit;
        var delay = TimeSpan.FromMilliseconds(20);
        JsonElement? last = null;
        while (true)
        {
            var exchange = await client.SendAsync(RapiRequest.Get($"/2/jobs/{jobId}"), ct);
            if (!exchange.IsSuccess)
                return new JobOutcome(jobId, statuses.LastOrDefault(), last, statuses, $"polling failed: {exchange.Summary}");
            var job = exchange.Json();
            if (job is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty("status", out var s) || s.ValueKind != JsonValueKind.String)
                return new JobOutcome(jobId, null, job, statuses, "job object without a string status");
            last = obj;
            var status = s.GetString()!;
            if (statuses.Count == 0 || statuses[^1] != status) statuses.Add(status);
            if (JobStatus.Finalized.Contains(status)) return new JobOutcome(jobId, status, obj, statuses, null);
            if (!JobStatus.All.Contains(status)) return new JobOutcome(jobId, status, obj, statuses, $"unknown job status '{status}'");
            if (_time.GetUtcNow() + delay > deadline)
                return new JobOutcome(jobId, status, obj, statuses, $"not finished within {limit.TotalSeconds:0} s (last status {status})");
            await Task.Delay(delay, _time, ct);
            delay = TimeSpan.FromMilliseconds(Math.Min(500, delay.TotalMilliseconds * 2));
        }
    }

    /// <summary>GET /2/jobs/{id}/wait with its JSON body (a GET with a body, as Ganeti's client sends it).</summary>
    public Task<Exchange> WaitForChangeAsync(long jobId, IEnumerable<string> fields, JsonElement? previousInfo, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["fields"] = fields.ToArray(),
            ["previous_job_info"] = previousInfo,
            ["previous_log_serial"] = null,
        });
        return client.SendAsync(new RapiRequest("GET", $"/2/jobs/{jobId}/wait") { Body = body, Timeout = TimeSpan.FromSeconds(20) }, ct);
    }
}
