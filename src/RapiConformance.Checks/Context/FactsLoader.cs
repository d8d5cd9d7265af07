using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>Reads the lists, /2/info, /2/os and /2/features once, tolerating any of them failing.</summary>
internal static class FactsLoader
{
    public static async Task<ClusterFacts> LoadAsync(RapiClient client, CancellationToken ct)
    {
        var instances = await NamesAsync(client, "/2/instances", ct);
        var nodes = await NamesAsync(client, "/2/nodes", ct);
        var groups = await NamesAsync(client, "/2/groups", ct);
        var networks = await NamesAsync(client, "/2/networks", ct);
        var filters = await NamesAsync(client, "/2/filters", ct);
        var jobs = (await NamesAsync(client, "/2/jobs", ct))
            .Select(j => long.TryParse(j, out var id) ? id : -1).Where(id => id >= 0).ToList();
        var info = (await client.SendAsync(RapiRequest.Get("/2/info"), ct)).Json();
        string? master = null;
        var templates = new List<string>();
        if (info is { ValueKind: JsonValueKind.Object } i)
        {
            if (i.TryGetProperty("master", out var m) && m.ValueKind == JsonValueKind.String) master = m.GetString();
            if (i.TryGetProperty("enabled_disk_templates", out var t) && t.ValueKind == JsonValueKind.Array)
                templates.AddRange(t.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!));
        }
        var os = Strings((await client.SendAsync(RapiRequest.Get("/2/os"), ct)).Json());
        var features = await client.SendAsync(RapiRequest.Get("/2/features"), ct);
        return new ClusterFacts(instances, nodes, groups, networks, filters, jobs, master, os, templates,
            features.IsSuccess ? Strings(features.Json()) : []);
    }

    /// <summary>The names of a non-bulk list: each element's name, id or uuid.</summary>
    public static async Task<IReadOnlyList<string>> NamesAsync(RapiClient client, string path, CancellationToken ct)
    {
        var exchange = await client.SendAsync(RapiRequest.Get(path), ct);
        return exchange.IsSuccess ? ListNames(exchange.Json()) : [];
    }

    public static IReadOnlyList<string> ListNames(JsonElement? list)
    {
        if (list is not { ValueKind: JsonValueKind.Array } a) return [];
        var names = new List<string>();
        foreach (var item in a.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) continue;
            foreach (var key in new[] { "name", "id", "uuid" })
                if (item.TryGetProperty(key, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                {
                    names.Add(v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText());
                    break;
                }
        }
        return names;
    }

    private static List<string> Strings(JsonElement? e) =>
        e is { ValueKind: JsonValueKind.Array } a
            ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
}
