using System.Runtime.CompilerServices;
using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>A single GET carries the same values as the entity's bulk entry (runtime fields aside).</summary>
public sealed class SingleEqualsBulk : Check
{
    public override string Id => "single-equals-bulk";
    public override string Title => "Single GET equals the bulk entry";
    public override string Requirement => "The bulk list and the single GET return the same keys and values (the single GET may add aliases such as secondary_ip)";
    public override string Source => "reference/bulk-fields.md (first paragraph, Nodes)";

    /// <summary>Values read live from hypervisors; they may move between two requests.</summary>
    private static readonly HashSet<string> Volatile = ["oper_ram", "oper_state", "oper_vcpus", "mfree", "dfree", "mnode", "spfree", "status", "watermark"];

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var c in Collection.All.Where(c => c.Profiles.Contains(context.Profile.Name)))
        {
            var bulk = await context.SendAsync(RapiRequest.Get(c.Path + "?bulk=1"), ct);
            if (bulk.Json() is not { ValueKind: JsonValueKind.Array } entries)
            {
                yield return Fail(c.GetOperation, $"bulk list unusable: {bulk.Summary}", bulk);
                continue;
            }
            var sample = entries.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(c.NameKey, out _)).Take(context.SampleSize).ToList();
            if (sample.Count == 0) { yield return Skip(c.GetOperation, $"no entity in {c.Path}"); continue; }
            var problems = new List<string>();
            Exchange? evidence = null;
            foreach (var entry in sample)
            {
                var name = entry.GetProperty(c.NameKey).GetString();
                var single = await context.SendAsync(RapiRequest.Get($"{c.Path}/{name}"), ct);
                evidence ??= single;
                if (single.Json() is not { ValueKind: JsonValueKind.Object } one) { problems.Add($"{name}: single GET gave {single.Summary}"); evidence = single; continue; }
                foreach (var p in entry.EnumerateObject().Where(p => !Volatile.Contains(p.Name)))
                {
                    if (!one.TryGetProperty(p.Name, out var v)) { problems.Add($"{name}: '{p.Name}' is in the bulk entry but not in the single GET"); evidence = single; }
                    else if (!JsonElement.DeepEquals(v, p.Value)) { problems.Add($"{name}: '{p.Name}' is {CheckContext.Excerpt(p.Value.GetRawText(), 60)} in bulk but {CheckContext.Excerpt(v.GetRawText(), 60)} alone"); evidence = single; }
                }
            }
            yield return Verdict(c.GetOperation, problems, $"{sample.Count} entities agree", evidence);
        }
    }
}
