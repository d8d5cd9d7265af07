using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Generation.Running;

/// <summary>
/// What a fuzz run in write scope "own" must leave alone: the names and tags of every instance, group and
/// network it did not create, and the cluster's tags, one line each, read before and after the run.
/// </summary>
public sealed record ForeignState(IReadOnlySet<string> Lines)
{
    public static async Task<ForeignState?> ReadAsync(RapiClient client, CancellationToken cancellationToken, Func<string, bool>? available = null)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (kind, path, listOp) in new[] { ("instance", "/2/instances?bulk=1", "listInstances"), ("group", "/2/groups?bulk=1", "listGroups"), ("network", "/2/networks?bulk=1", "listNetworks") })
        {
            if (available is not null && !available(listOp)) continue; // not in the profile (2.0: no groups; 2.x: no networks)
            var answer = await client.SendAsync(RapiRequest.Get(path), cancellationToken);
            if (answer.Status != 200 || answer.Json() is not { ValueKind: JsonValueKind.Array } list) return null;
            foreach (var item in list.EnumerateArray())
            {
                if (!item.TryGetProperty("name", out var n) || n.GetString() is not { } name || OwnEntities.Owns(name)) continue;
                var tags = item.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Array
                    ? string.Join(",", t.EnumerateArray().Select(x => x.ToString()).Order(StringComparer.Ordinal))
                    : "";
                lines.Add($"{kind} {name} tags=[{tags}]");
            }
        }
        var clusterTags = await client.SendAsync(RapiRequest.Get("/2/tags"), cancellationToken);
        if (clusterTags.Status != 200 || clusterTags.Json() is not { ValueKind: JsonValueKind.Array } cluster) return null;
        foreach (var tag in cluster.EnumerateArray().Select(x => x.ToString()).Where(x => !OwnEntities.Owns(x))) lines.Add($"cluster tag {tag}");
        return new ForeignState(lines);
    }

    /// <summary>One line for the report: what is gone and what is new compared with <paramref name="before"/>.</summary>
    public string? DifferenceFrom(ForeignState before)
    {
        var gone = before.Lines.Except(Lines).ToList();
        var added = Lines.Except(before.Lines).ToList();
        if (gone.Count == 0 && added.Count == 0) return null;
        return string.Join("; ", gone.Select(l => "gone: " + l).Concat(added.Select(l => "new: " + l)).Take(8));
    }
}
