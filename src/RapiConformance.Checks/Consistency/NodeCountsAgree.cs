using System.Runtime.CompilerServices;
using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>Node instance counts and lists, and free memory, agree with the instances placed on them.</summary>
public sealed class NodeCountsAgree : Check
{
    public override string Id => "node-counts-agree";
    public override string Title => "Node instance counts and free memory agree with the instances";
    public override string Requirement => "pinst_cnt/sinst_cnt and pinst_list/sinst_list match the instances' pnode/snodes; free memory leaves room for the running primaries";
    public override string Source => "reference/bulk-fields.md (Nodes, Instances)";

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var nodesEx = await context.SendAsync(RapiRequest.Get("/2/nodes?bulk=1"), ct);
        var instEx = await context.SendAsync(RapiRequest.Get("/2/instances?bulk=1"), ct);
        if (nodesEx.Json() is not { ValueKind: JsonValueKind.Array } nodes || instEx.Json() is not { ValueKind: JsonValueKind.Array } instances)
        {
            yield return Fail("listNodes", $"bulk lists unusable: {nodesEx.Summary}, {instEx.Summary}", nodesEx.IsSuccess ? instEx : nodesEx);
            yield break;
        }
        var primaries = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        var secondaries = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var i in instances.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
        {
            if (Str(i, "pnode") is { } p) (primaries.TryGetValue(p, out var l) ? l : primaries[p] = []).Add(i);
            if (i.TryGetProperty("snodes", out var s) && s.ValueKind == JsonValueKind.Array)
                foreach (var n in s.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String))
                    (secondaries.TryGetValue(n.GetString()!, out var l2) ? l2 : secondaries[n.GetString()!] = []).Add(Str(i, "name") ?? "?");
        }
        var problems = new List<string>();
        foreach (var node in nodes.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.Object))
        {
            var name = Str(node, "name") ?? "?";
            var mine = primaries.GetValueOrDefault(name, []);
            var secs = secondaries.GetValueOrDefault(name, []);
            if (Int(node, "pinst_cnt") is { } pc && pc != mine.Count) problems.Add($"{name}: pinst_cnt {pc} but {mine.Count} instances have it as pnode");
            if (Int(node, "sinst_cnt") is { } sc && sc != secs.Count) problems.Add($"{name}: sinst_cnt {sc} but {secs.Count} instances have it in snodes");
            if (node.TryGetProperty("pinst_list", out var pl) && pl.ValueKind == JsonValueKind.Array)
            {
                var listed = pl.EnumerateArray().Select(x => x.GetString()).Order(StringComparer.Ordinal).ToList();
                var actual = mine.Select(i => Str(i, "name")).Order(StringComparer.Ordinal).ToList();
                if (!listed.SequenceEqual(actual)) problems.Add($"{name}: pinst_list [{string.Join(",", listed)}] differs from the instances' pnode [{string.Join(",", actual)}]");
            }
            if (Int(node, "mfree") is { } free && Int(node, "mtotal") is { } total && !(node.TryGetProperty("offline", out var off) && off.ValueKind == JsonValueKind.True))
            {
                var used = mine.Where(Running).Sum(Memory);
                if (free < 0 || free > total) problems.Add($"{name}: mfree {free} outside [0, mtotal {total}]");
                else if (free + used > total) problems.Add($"{name}: mfree {free} + memory of running primaries {used} exceeds mtotal {total}");
            }
        }
        yield return Verdict("listNodes", problems, "node counts, lists and free memory agree with the instances", problems.Count > 0 ? nodesEx : nodesEx);
    }

    private static bool Running(JsonElement i) =>
        i.TryGetProperty("oper_state", out var s) && s.ValueKind == JsonValueKind.True || Str(i, "status") == "running";

    private static long Memory(JsonElement i)
    {
        if (Int(i, "oper_ram") is { } ram) return ram;
        if (i.TryGetProperty("beparams", out var be) && be.ValueKind == JsonValueKind.Object)
            return Int(be, "maxmem") ?? Int(be, "memory") ?? 0;
        return 0;
    }

    private static string? Str(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Int(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;
}
