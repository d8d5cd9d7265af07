using System.Text.Json;
using RapiConformance.Load.Engine;

namespace RapiConformance.Load.Operations;

/// <summary>
/// Instance jobs. "instance-create-delete": even requests create a diskless instance, odd ones delete it.
/// "instance-startup-shutdown": even requests start the first instance of the cluster, odd ones shut it down.
/// </summary>
public sealed class InstanceLifecycleOperation(string runId, bool createDelete) : LoadOperation
{
    private string _node = "";
    private string _os = "";
    private string _instance = "";
    private bool _wasUp;

    public override string Name => createDelete ? "instance-create-delete" : "instance-startup-shutdown";

    public override string Description => createDelete
        ? "create a diskless instance, and delete the one created 64 pairs earlier (POST /2/instances, DELETE /2/instances/X); jobs"
        : "alternately start up and shut down an existing instance (PUT .../startup, .../shutdown); jobs";

    public override bool SubmitsJobs => true;

    public override async Task PrepareAsync(RapiLoadClient client, CancellationToken ct)
    {
        if (createDelete)
        {
            _node = await ClusterInventory.FirstAsync(client, "/2/nodes", "node", ct).ConfigureAwait(false);
            _os = await ClusterInventory.FirstAsync(client, "/2/os", "operating system", ct).ConfigureAwait(false);
        }
        else
        {
            _instance = await ClusterInventory.FirstAsync(client, "/2/instances", "instance", ct).ConfigureAwait(false);
            _wasUp = await Leftovers.IsAdminUpAsync(client, _instance, ct).ConfigureAwait(false);
        }
    }

    public override async Task<string?> CleanupAsync(RapiLoadClient client, CancellationToken ct) => createDelete
        ? await Leftovers.RemoveInstancesAsync(client, $"rcl-{runId}-", ct).ConfigureAwait(false)
        : await Leftovers.RestoreAdminStateAsync(client, _instance, _wasUp, ct).ConfigureAwait(false);

    public override LoadRequest Next(long sequence)
    {
        if (!createDelete)
            return new LoadRequest(HttpMethod.Put, $"/2/instances/{_instance}/{(sequence % 2 == 0 ? "startup" : "shutdown")}", IsJob: true);
        var (create, k) = PairSchedule.For(sequence);
        var name = $"rcl-{runId}-{PairSchedule.Name(k)}.load.test";
        if (!create) return new LoadRequest(HttpMethod.Delete, $"/2/instances/{name}", IsJob: true);
        k = k >= 0 ? k : 60_000 - k; // spares get addresses of their own
        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["__version__"] = 1,
            ["mode"] = "create",
            ["name"] = name,
            ["disk_template"] = "diskless",
            ["disks"] = Array.Empty<object>(),
            // 198.18.0.0/15 is the range set aside for benchmarks; the address is only data in the body.
            ["nics"] = new[] { new Dictionary<string, object> { ["mode"] = "routed", ["link"] = "lo", ["ip"] = $"198.18.{k / 254 % 256}.{k % 254 + 1}" } },
            ["os_type"] = _os,
            ["pnode"] = _node,
            ["beparams"] = new Dictionary<string, object> { ["memory"] = 128, ["vcpus"] = 1 },
            ["ip_check"] = false,
            ["name_check"] = false,
            ["start"] = false,
        });
        return new LoadRequest(HttpMethod.Post, "/2/instances", body, IsJob: true);
    }
}
