using System.Runtime.CompilerServices;
using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>At every level: two tags added with repeated tag=, both read back, both deleted, none left.</summary>
public sealed class TagsRoundTrip : Check
{
    public override string Id => "tags-round-trip";
    public override string Title => "Tags round-trip at every level (repeated tag= parameters)";
    public override string Requirement => "PUT …/tags?tag=a&tag=b submits a job after which GET lists a and b; DELETE with the same query removes both";
    public override string Source => "reference/resources.md (tags rows, N5); protocol.md §3 (tag uses all values)";
    public override bool Writes => true;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var facts = await context.FactsAsync();
        var levels = new List<(string Op, string? Path, string Kind)>
        {
            ("addClusterTags", "/2/tags", "cluster"),
            ("addNodeTags", facts.Nodes.FirstOrDefault() is { } n ? $"/2/nodes/{n}/tags" : null, "node"),
            ("addInstanceTags", facts.Instances.FirstOrDefault() is { } i ? $"/2/instances/{i}/tags" : null, "instance"),
            ("addGroupTags", facts.Groups.FirstOrDefault() is { } g ? $"/2/groups/{g}/tags" : null, "group"),
            ("addNetworkTags", facts.Networks.FirstOrDefault() is { } w ? $"/2/networks/{w}/tags" : null, "network"),
        };
        foreach (var (op, path, kind) in levels.Where(l => context.HasOperation(l.Op)))
        {
            if (path is null) { yield return Skip(op, $"no {kind} on the target to tag"); continue; }
            yield return await RoundTripAsync(context, op, path, kind, ct);
        }
    }

    private async Task<CheckResult> RoundTripAsync(CheckContext context, string op, string path, string kind, CancellationToken ct)
    {
        string[] tags = [context.Name($"{kind}-tag-a"), context.Name($"{kind}-tag-b")];
        context.Cleanup.Register($"tags:{path}", t => context.SendAsync(RapiRequest.Delete(Query.Tags(path, tags)), t));
        var add = await context.SubmitAsync(RapiRequest.Put(Query.Tags(path, tags)), ct);
        if (!add.Succeeded) return Fail(op, "adding tags: " + add.Problem, add.Exchange);
        var read = await context.SendAsync(RapiRequest.Get(path), ct);
        var now = Strings(read.Json());
        if (!tags.All(now.Contains)) return Fail(op, $"after adding [{string.Join(",", tags)}] GET lists [{string.Join(",", now)}]", read);
        var remove = await context.SubmitAsync(RapiRequest.Delete(Query.Tags(path, tags)), ct);
        if (!remove.Succeeded) return Fail(op, "deleting tags: " + remove.Problem, remove.Exchange);
        var after = await context.SendAsync(RapiRequest.Get(path), ct);
        var left = Strings(after.Json()).Intersect(tags).ToList();
        if (left.Count > 0) return Fail(op, $"after deleting, GET still lists [{string.Join(",", left)}]", after);
        context.Cleanup.Done($"tags:{path}");
        return Pass(op, $"{kind} tags added, read back and removed", add.Exchange);
    }

    internal static List<string> Strings(JsonElement? e) =>
        e is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList() : [];
}
