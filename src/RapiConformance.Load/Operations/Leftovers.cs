using System.Text.Json;
using RapiConformance.Load.Engine;

namespace RapiConformance.Load.Operations;

/// <summary>
/// Removes what a run left on the target: the tags and instances named with the run's prefix whose
/// removal had not yet come round (a run stopped by its duration, a cap or Ctrl-C leaves up to
/// <see cref="PairSchedule.Lag"/> pairs behind, and "tag-add" all of them). Each removal is a job;
/// the clean-up waits for them within a bounded time and says what it did.
/// </summary>
public static class Leftovers
{
    private const int TagsPerRequest = 40;

    public static async Task<string> RemoveClusterTagsAsync(RapiLoadClient client, string prefix, CancellationToken ct)
    {
        var tags = (await ClusterInventory.NamesAsync(client, "/2/tags", ct).ConfigureAwait(false))
            .Where(t => t.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (tags.Count == 0) return "no tags left to remove";
        var jobs = new List<long>();
        foreach (var chunk in tags.Chunk(TagsPerRequest))
        {
            var query = string.Join("&", chunk.Select(t => "tag=" + Uri.EscapeDataString(t)));
            jobs.Add(await SubmitAsync(client, HttpMethod.Delete, "/2/tags?" + query, null, ct).ConfigureAwait(false));
        }
        var failed = await WaitAllAsync(client, jobs, ct).ConfigureAwait(false);
        return failed == 0 ? $"removed {tags.Count} cluster tags '{prefix}*' ({jobs.Count} jobs)"
                           : $"removing {tags.Count} cluster tags '{prefix}*': {failed} of {jobs.Count} jobs did not succeed";
    }

    public static async Task<string> RemoveInstancesAsync(RapiLoadClient client, string prefix, CancellationToken ct)
    {
        var names = (await ClusterInventory.NamesAsync(client, "/2/instances", ct).ConfigureAwait(false))
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (names.Count == 0) return "no instances left to remove";
        var jobs = new List<long>();
        foreach (var name in names)
            jobs.Add(await SubmitAsync(client, HttpMethod.Delete, $"/2/instances/{Uri.EscapeDataString(name)}", null, ct).ConfigureAwait(false));
        var failed = await WaitAllAsync(client, jobs, ct).ConfigureAwait(false);
        return failed == 0 ? $"removed {names.Count} instances '{prefix}*'"
                           : $"removing {names.Count} instances '{prefix}*': {failed} jobs did not succeed";
    }

    /// <summary>Brings an instance back to the administrative state it had before the run.</summary>
    public static async Task<string> RestoreAdminStateAsync(RapiLoadClient client, string instance, bool wasUp, CancellationToken ct)
    {
        if (await IsAdminUpAsync(client, instance, ct).ConfigureAwait(false) == wasUp)
            return $"instance {instance} is {(wasUp ? "up" : "down")} as before";
        var job = await SubmitAsync(client, HttpMethod.Put, $"/2/instances/{Uri.EscapeDataString(instance)}/{(wasUp ? "startup" : "shutdown")}", null, ct).ConfigureAwait(false);
        var failed = await WaitAllAsync(client, [job], ct).ConfigureAwait(false);
        return failed == 0 ? $"instance {instance} set {(wasUp ? "up" : "down")} again, as before the run"
                           : $"instance {instance}: the job setting it {(wasUp ? "up" : "down")} again did not succeed";
    }

    public static async Task<bool> IsAdminUpAsync(RapiLoadClient client, string instance, CancellationToken ct)
    {
        var response = await client.SendAsync(HttpMethod.Get, $"/2/instances/{Uri.EscapeDataString(instance)}", null, ct).ConfigureAwait(false);
        if (!response.IsSuccess) throw new LoadSetupException($"GET /2/instances/{instance} answered {response.Status}");
        using var doc = JsonDocument.Parse(response.Body);
        // 3.0 answers "up"/"down"/"offline"; 2.x answered a boolean.
        return doc.RootElement.TryGetProperty("admin_state", out var state)
               && (state.ValueKind == JsonValueKind.True || (state.ValueKind == JsonValueKind.String && state.GetString() == "up"));
    }

    private static async Task<long> SubmitAsync(RapiLoadClient client, HttpMethod method, string path, string? body, CancellationToken ct)
    {
        var response = await client.SendAsync(method, path, body, ct).ConfigureAwait(false);
        return response.IsSuccess && response.JobId is { } id ? id
            : throw new LoadSetupException($"clean-up: {method} {path} answered {response.Status}");
    }

    /// <summary>Waits for every job to end; the number that did not end in success.</summary>
    private static async Task<int> WaitAllAsync(RapiLoadClient client, IReadOnlyList<long> jobs, CancellationToken ct)
    {
        var watcher = new JobWatcher(client);
        var results = await Task.WhenAll(jobs.Select(async j =>
        {
            try { return (await watcher.WaitTerminalAsync(j, ct).ConfigureAwait(false)).Status; }
            catch (JobLostException) { return "lost"; }
        })).ConfigureAwait(false);
        return results.Count(s => s != "success");
    }
}
