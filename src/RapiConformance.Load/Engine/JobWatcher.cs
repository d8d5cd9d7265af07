using System.Diagnostics;
using System.Text.Json;

namespace RapiConformance.Load.Engine;

/// <summary>
/// Follows a job to its terminal status with RAPI's long poll (GET /2/jobs/{id}/wait, which
/// answers as soon as the status changes), falling back to polling GET /2/jobs/{id} when the
/// server has no usable wait.
/// </summary>
public sealed class JobWatcher(RapiLoadClient client)
{
    private static readonly TimeSpan PollStart = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan PollMax = TimeSpan.FromMilliseconds(50);
    private volatile bool _waitUnusable;

    public static bool IsTerminal(string? status) => status is "success" or "error" or "canceled";

    /// <summary>The terminal status and the Stopwatch timestamp at which it was seen.</summary>
    public async Task<(string Status, long SeenAt)> WaitTerminalAsync(long jobId, CancellationToken ct)
    {
        // A job that was just accepted is queued: waiting for a change from "queued" saves the round
        // trip that would only report it (and a job already further along is answered at once).
        string? last = "queued";
        var poll = PollStart;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            string? status;
            if (!_waitUnusable)
            {
                status = await WaitChangeAsync(jobId, last, ct).ConfigureAwait(false);
                if (status is null && _waitUnusable) continue;
            }
            else
            {
                status = await PollAsync(jobId, ct).ConfigureAwait(false);
                if (!IsTerminal(status))
                {
                    await Task.Delay(poll, ct).ConfigureAwait(false);
                    poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, PollMax.Ticks));
                }
            }
            if (IsTerminal(status)) return (status!, Stopwatch.GetTimestamp());
            if (status is not null) last = status;
        }
    }

    private async Task<string?> WaitChangeAsync(long jobId, string? previous, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["fields"] = new[] { "status" },
            ["previous_job_info"] = previous is null ? null : new[] { previous },
            ["previous_log_serial"] = null,
        });
        var response = await client.SendAsync(HttpMethod.Get, $"/2/jobs/{jobId}/wait", body, ct, TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        if (response.Status == 404) throw new JobLostException(jobId);
        if (!response.IsSuccess)
        {
            _waitUnusable = true; // e.g. 501: the server has no long poll; poll instead
            return null;
        }
        using var doc = JsonDocument.Parse(response.Body);
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Null) return null; // no change within the server's wait time
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("job_info", out var info) &&
            info.ValueKind == JsonValueKind.Array && info.GetArrayLength() > 0 && info[0].ValueKind == JsonValueKind.String)
            return info[0].GetString();
        _waitUnusable = true;
        return null;
    }

    private async Task<string?> PollAsync(long jobId, CancellationToken ct)
    {
        var response = await client.SendAsync(HttpMethod.Get, $"/2/jobs/{jobId}", null, ct).ConfigureAwait(false);
        if (response.Status == 404) throw new JobLostException(jobId);
        if (!response.IsSuccess) throw new HttpRequestException($"GET /2/jobs/{jobId} answered {response.Status}");
        using var doc = JsonDocument.Parse(response.Body);
        return doc.RootElement.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
    }
}
