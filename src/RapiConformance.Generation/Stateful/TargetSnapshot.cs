using RapiConformance.Client;
using System.Text.Json;

namespace RapiConformance.Generation.Stateful;

/// <summary>Reads the target's state in the model's terms from the bulk lists, node roles and cluster tags.</summary>
public sealed class TargetSnapshot(RapiClient sender, Func<string, bool>? owns = null, Func<string, bool>? available = null)
{
    public int Requests { get; private set; }

    public async Task<(ClusterModel? Model, string? Problem)> ReadAsync(CancellationToken cancellationToken)
    {
        var model = new ClusterModel();
        var instances = await GetAsync("/2/instances?bulk=1", cancellationToken);
        if (instances.Problem is not null) return (null, instances.Problem);
        foreach (var item in instances.Items)
        {
            var name = Text(item, "name");
            if (name is null) continue;
            if (owns is not null && !owns(name)) continue;
            model.Instances[name] = new InstanceModel(Text(item, "admin_state"), Tags(item));
        }
        // Only what the profile has: 2.0 has no node groups, 2.0 and 2.5 no networks.
        var groups = Has("listGroups") ? await GetAsync("/2/groups?bulk=1", cancellationToken) : ([], null);
        if (groups.Problem is not null) return (null, groups.Problem);
        foreach (var item in groups.Items) if (Text(item, "name") is { } g && (owns is null || owns(g))) model.Groups[g] = Tags(item);
        var networks = Has("listNetworks") ? await GetAsync("/2/networks?bulk=1", cancellationToken) : ([], null);
        foreach (var item in networks.Items) if (Text(item, "name") is { } n && (owns is null || owns(n))) model.Networks[n] = Tags(item);
        // With an ownership filter (write scope "own") nodes are not the fuzzer's, so their roles are not in the model.
        var nodes = owns is null ? await GetAsync("/2/nodes", cancellationToken) : ([], null);
        if (nodes.Problem is not null) return (null, nodes.Problem);
        foreach (var item in nodes.Items)
        {
            var node = Text(item, "id") ?? Text(item, "name");
            if (node is null) continue;
            var role = await sender.SendAsync(RapiRequest.Get($"/2/nodes/{node}/role"), cancellationToken);
            Requests++;
            if (role.Status == 200 && TryString(role.ResponseBody) is { } r) model.NodeRoles[node] = r;
        }
        var tags = await sender.SendAsync(RapiRequest.Get("/2/tags"), cancellationToken);
        Requests++;
        if (tags.Status != 200) return (null, $"GET /2/tags answered {tags.Status}");
        model.ClusterTags.UnionWith(Strings(tags.ResponseBody).Where(t => owns is null || owns(t)));
        return (model, null);
    }

    private bool Has(string operationId) => available?.Invoke(operationId) ?? true;

    private async Task<(List<JsonElement> Items, string? Problem)> GetAsync(string path, CancellationToken cancellationToken)
    {
        var response = await sender.SendAsync(RapiRequest.Get(path), cancellationToken);
        Requests++;
        if (response.Status != 200) return ([], $"GET {path} answered {response.Status}");
        try
        {
            using var doc = JsonDocument.Parse(response.ResponseBody);
            return doc.RootElement.ValueKind == JsonValueKind.Array
                ? (doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList(), null)
                : ([], $"GET {path} did not answer a list");
        }
        catch (JsonException)
        {
            return ([], $"GET {path} did not answer JSON");
        }
    }

    private static string? Text(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "up",
            JsonValueKind.False => "down",
            _ => null,
        } : null;

    private static SortedSet<string> Tags(JsonElement e)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Array)
            foreach (var x in t.EnumerateArray()) if (x.ValueKind == JsonValueKind.String) set.Add(x.GetString()!);
        return set;
    }

    private static string? TryString(string body)
    {
        try { using var d = JsonDocument.Parse(body); return d.RootElement.ValueKind == JsonValueKind.String ? d.RootElement.GetString() : null; }
        catch (JsonException) { return null; }
    }

    private static IEnumerable<string> Strings(string body)
    {
        try
        {
            using var d = JsonDocument.Parse(body);
            return d.RootElement.ValueKind == JsonValueKind.Array
                ? d.RootElement.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
                : [];
        }
        catch (JsonException) { return []; }
    }
}
