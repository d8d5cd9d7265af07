using System.Runtime.CompilerServices;
using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>The names of a list equal the names of its bulk form, and each list uri names its element.</summary>
public sealed class ListBulkConsistent : Check
{
    public override string Id => "list-bulk-consistent";
    public override string Title => "List and bulk list name the same entities";
    public override string Requirement => "GET /2/X and GET /2/X?bulk=1 name the same entities; each list uri is /2/X/<name>";
    public override string Source => "reference/bulk-fields.md (List forms)";

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var c in Collection.All.Where(c => c.Profiles.Contains(context.Profile.Name)))
        {
            var list = await context.SendAsync(RapiRequest.Get(c.Path), ct);
            var bulk = await context.SendAsync(RapiRequest.Get(c.Path + "?bulk=1"), ct);
            if (!list.IsSuccess || !bulk.IsSuccess)
            {
                yield return Fail(c.ListOperation, $"list/bulk did not answer 200: {list.Status}/{bulk.Status}", list.IsSuccess ? bulk : list);
                continue;
            }
            var names = FactsLoader.ListNames(list.Json()).Order(StringComparer.Ordinal).ToList();
            var bulkNames = BulkNames(bulk.Json(), c.NameKey).Order(StringComparer.Ordinal).ToList();
            var problems = new List<string>();
            if (!names.SequenceEqual(bulkNames))
                problems.Add($"list has [{string.Join(",", names.Except(bulkNames).Take(5))}] not in bulk, bulk has [{string.Join(",", bulkNames.Except(names).Take(5))}] not in list"
                             + (names.Count != bulkNames.Count ? $" (counts {names.Count} vs {bulkNames.Count})" : ""));
            if (names.Count != names.Distinct().Count()) problems.Add("the list names an entity twice");
            if (list.Json() is { ValueKind: JsonValueKind.Array } items)
                foreach (var item in items.EnumerateArray().Take(50))
                {
                    var name = FactsLoader.ListNames(JsonDocument.Parse("[" + item.GetRawText() + "]").RootElement).FirstOrDefault();
                    if (item.TryGetProperty("uri", out var uri) && uri.ValueKind == JsonValueKind.String && name is not null
                        && !uri.GetString()!.EndsWith($"/{name}", StringComparison.Ordinal))
                    { problems.Add($"uri '{uri.GetString()}' does not name '{name}'"); break; }
                }
            yield return Verdict(c.ListOperation, problems, $"{names.Count} entities in both forms", problems.Count > 0 ? bulk : list);
        }
    }

    public static IEnumerable<string> BulkNames(JsonElement? bulk, string key) =>
        bulk is { ValueKind: JsonValueKind.Array } a
            ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object && x.TryGetProperty(key, out _))
                .Select(x => x.GetProperty(key)).Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText())
            : [];
}
