using RapiConformance.Client;
using System.Text.Json;

namespace RapiConformance.Generation.Requests;

/// <summary>
/// Names of entities that exist on the target, per path parameter (instance_name, node_name, group_name,
/// network_name, filter_uuid, job_id), read once from the target's list resources so generated paths
/// can name real entities as well as made-up ones.
/// </summary>
public sealed class EntityPool
{
    private static readonly (string Parameter, string ListPath, string Key)[] Sources =
    [
        ("instance_name", "/2/instances", "id"),
        ("node_name", "/2/nodes", "id"),
        ("group_name", "/2/groups", "name"),
        ("network_name", "/2/networks", "name"),
        ("filter_uuid", "/2/filters", "uuid"),
        ("job_id", "/2/jobs", "id"),
    ];

    private readonly Dictionary<string, string[]> _existing;

    public EntityPool(IReadOnlyDictionary<string, string[]> existing) =>
        _existing = existing.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    public static EntityPool Empty { get; } = new(new Dictionary<string, string[]>());

    public IReadOnlyList<string> Existing(string parameter) => _existing.GetValueOrDefault(parameter) ?? [];

    public IReadOnlyDictionary<string, string[]> All => _existing;

    /// <summary>Only the entities the fuzzer created (instances, groups, networks named with the own prefix).</summary>
    public EntityPool OwnOnly() => new(_existing
        .Where(kv => kv.Key is "instance_name" or "group_name" or "network_name")
        .ToDictionary(kv => kv.Key, kv => kv.Value.Where(Running.OwnEntities.Owns).ToArray(), StringComparer.Ordinal));

    /// <summary>Reads the list resources of the target; a resource that fails (404 on old profiles) gives no names.</summary>
    public static async Task<EntityPool> DiscoverAsync(RapiClient sender, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (parameter, path, key) in Sources)
        {
            var response = await sender.SendAsync(RapiRequest.Get(path), cancellationToken);
            if (response.Status != 200) continue;
            found[parameter] = NamesFrom(response.ResponseBody, key, parameter == "job_id" ? 50 : 200);
        }
        return new EntityPool(found);
    }

    internal static string[] NamesFrom(string body, string key, int limit)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Array) return [];
            var names = new List<string>();
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                var value = item.ValueKind == JsonValueKind.Object
                    ? (item.TryGetProperty(key, out var v) ? v : item.TryGetProperty("name", out var n) ? n : default)
                    : item;
                if (value.ValueKind is JsonValueKind.String) names.Add(value.GetString()!);
                else if (value.ValueKind is JsonValueKind.Number) names.Add(value.GetRawText());
            }
            names.Sort(StringComparer.Ordinal);
            return names.Count > limit ? names.Skip(names.Count - limit).ToArray() : names.ToArray();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
