using System.Runtime.CompilerServices;
using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>/2/query/{resource}?fields=name names the same entities as the resource's list.</summary>
public sealed class QueryAgreesWithList : Check
{
    public override string Id => "query-agrees-with-list";
    public override string Title => "The query resource agrees with the lists";
    public override string Requirement => "GET /2/query/R?fields=name returns {fields, data} whose names equal the list of R, each value as [status, value]";
    public override string Source => "reference/resources.md (Query)";
    public override IReadOnlySet<string> Profiles => Only30;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var problems = new List<string>();
        Exchange? evidence = null;
        foreach (var (resource, path) in new[] { ("instance", "/2/instances"), ("node", "/2/nodes"), ("group", "/2/groups"), ("network", "/2/networks") })
        {
            var query = await context.SendAsync(RapiRequest.Get($"/2/query/{resource}?fields=name"), ct);
            evidence ??= query;
            if (query.Status == 403) { yield return Skip("queryResource", "the user lacks the read option"); yield break; }
            var list = (await FactsLoader.NamesAsync(context.Client, path, ct)).Order(StringComparer.Ordinal).ToList();
            if (query.Json() is not { ValueKind: JsonValueKind.Object } body || !body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            { problems.Add($"{resource}: no data array ({query.Summary})"); evidence = query; continue; }
            var names = new List<string>();
            foreach (var row in data.EnumerateArray())
            {
                if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != 1 || row[0].ValueKind != JsonValueKind.Array || row[0].GetArrayLength() != 2)
                { problems.Add($"{resource}: row {CheckContext.Excerpt(row.GetRawText(), 60)} is not [[status, value]]"); evidence = query; break; }
                if (row[0][1].ValueKind == JsonValueKind.String) names.Add(row[0][1].GetString()!);
            }
            names.Sort(StringComparer.Ordinal);
            if (!names.SequenceEqual(list)) { problems.Add($"{resource}: query names {names.Count}, list names {list.Count}, or they differ"); evidence = query; }
        }
        yield return Verdict("queryResource", problems, "query names equal list names for instances, nodes, groups, networks", evidence);
    }
}
