using System.Text.Json;
using System.Text.Json.Nodes;
using RapiConformance.Client;
using JobWaiter = RapiConformance.Generation.Oracle.JobWaiter;

namespace RapiConformance.Generation.Running;

/// <summary>
/// Write scope "own": before the stateful phase, two diskless instances of the fuzzer's own (not
/// installed, not started, one routed NIC) are created, so the instance steps have something of their own to act on.
/// </summary>
public static class OwnFixture
{
    public static async Task<string> SetUpAsync(RapiClient client, ulong seed, TimeSpan jobTimeout, CancellationToken cancellationToken)
    {
        var instances = await NamesAsync(client, "/2/instances", "id", cancellationToken);
        var own = instances.Where(OwnEntities.Owns).ToList();
        if (own.Count >= 2) return $"set-up: {own.Count} own instances already there";
        var os = (await NamesAsync(client, "/2/os", null, cancellationToken)).OrderBy(o => o.Contains("noop", StringComparison.Ordinal) ? 0 : 1).FirstOrDefault();
        var node = (await NamesAsync(client, "/2/nodes", "id", cancellationToken)).FirstOrDefault();
        if (os is null || node is null) return "set-up: no OS or node to create own instances with";
        var created = new List<string>();
        var problems = new List<string>();
        foreach (var (letter, octet) in new[] { ("a", 11), ("b", 12) }.Take(2 - own.Count))
        {
            var name = $"{OwnEntities.Prefix}{seed % 1000}-{letter}";
            // One routed NIC with a documentation address (RFC 5737) outside every network: Ganeti's default policy
            // wants at least one NIC, routed mode wants an IP, and no network's pool is touched.
            var nic = new JsonObject { ["mode"] = "routed", ["link"] = "lo", ["ip"] = $"198.51.100.{octet}" };
            var body = new JsonObject
            {
                ["__version__"] = 1, ["mode"] = "create", ["name"] = name, ["disk_template"] = "diskless", ["disks"] = new JsonArray(),
                ["nics"] = new JsonArray(nic), ["os_type"] = os, ["pnode"] = node, ["name_check"] = false, ["ip_check"] = false,
                ["no_install"] = true, ["start"] = false, ["beparams"] = new JsonObject { ["memory"] = 128, ["vcpus"] = 1 },
            };
            var answer = await client.SendAsync(RapiRequest.Post("/2/instances", body.ToJsonString()), cancellationToken);
            if (answer.Status is not (>= 200 and < 300) || !JobWaiter.TryJobId(answer.ResponseBody, out var id))
            {
                problems.Add($"{name}: {answer.Brief()}");
                continue;
            }
            var (outcome, _, _) = await new JobWaiter(client, jobTimeout).WaitAsync(id, cancellationToken);
            if (outcome.Succeeded) created.Add(name);
            else problems.Add($"{name}: {outcome}");
        }
        return $"set-up: created {created.Count} own instance(s) {string.Join(", ", created)}" + (problems.Count == 0 ? "" : $"; not created: {string.Join("; ", problems)}");
    }

    internal static async Task<List<string>> NamesAsync(RapiClient client, string path, string? key, CancellationToken cancellationToken)
    {
        var answer = await client.SendAsync(RapiRequest.Get(path), cancellationToken);
        if (answer.Status != 200 || answer.Json() is not { ValueKind: JsonValueKind.Array } list) return [];
        return list.EnumerateArray()
            .Select(e => key is null ? e : e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) ? v : default)
            .Where(v => v.ValueKind == JsonValueKind.String)
            .Select(v => v.GetString()!)
            .ToList();
    }
}
