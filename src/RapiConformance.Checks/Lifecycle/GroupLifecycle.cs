using System.Runtime.CompilerServices;
using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>Node group: create → read → modify → rename → old name 404 → delete → 404.</summary>
public sealed class GroupLifecycle : Check
{
    public override string Id => "group-lifecycle";
    public override string Title => "Node groups: create, read, modify, rename, delete, 404";
    public override string Requirement => "Each step's job succeeds and the next read shows its effect; after delete the group answers 404";
    public override string Source => "reference/resources.md (Node groups); samples 047, 054";
    public override IReadOnlySet<string> Profiles => From25;
    public override bool Writes => true;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var name = context.Name("group");
        var renamed = context.Name("group-renamed");
        var current = name;
        context.Cleanup.Register("group:" + name, async t =>
        {
            foreach (var n in new[] { name, renamed })
            {
                var e = await context.SendAsync(RapiRequest.Delete($"/2/groups/{n}"), t);
                if (e.IsSuccess && JobWaiter.TryReadJobId(e.Json(), out var id)) await context.Jobs.WaitAsync(id, context.JobTimeout, t);
            }
        });
        var steps = new LifecycleSteps(this, context, Result);
        await steps.StepAsync("createGroup", "created; job succeeded", () => steps.JobAsync(RapiRequest.Post("/2/groups", JsonSerializer.Serialize(new { group_name = name, alloc_policy = "preferred" })), ct));
        await steps.StepAsync("getGroup", "the new group reads back", () => steps.ReadAsync($"/2/groups/{name}", "alloc_policy", v => v.GetString() == "preferred", "preferred", ct));
        await steps.StepAsync("modifyGroup", "modified; the new alloc_policy reads back", async () =>
        {
            var (p, e) = await steps.JobAsync(RapiRequest.Put($"/2/groups/{name}/modify", "{\"alloc_policy\":\"last_resort\"}"), ct);
            return p is not null ? (p, e) : await steps.ReadAsync($"/2/groups/{name}", "alloc_policy", v => v.GetString() == "last_resort", "last_resort", ct);
        });
        await steps.StepAsync("renameGroup", "renamed; the old name answers 404", async () =>
        {
            var (p, e) = await steps.JobAsync(RapiRequest.Put($"/2/groups/{name}/rename", JsonSerializer.Serialize(new { new_name = renamed })), ct);
            if (p is not null) return (p, e);
            current = renamed;
            var gone = await steps.GoneAsync($"/2/groups/{name}", ct);
            return gone.Item1 is not null ? gone : await steps.ReadAsync($"/2/groups/{renamed}", "name", v => v.GetString() == renamed, renamed, ct);
        });
        await steps.StepAsync("deleteGroup", "deleted; it answers 404 afterwards", async () =>
        {
            var (p, e) = await steps.JobAsync(RapiRequest.Delete($"/2/groups/{current}"), ct);
            return p is not null ? (p, e) : await steps.GoneAsync($"/2/groups/{current}", ct);
        });
        if (!steps.Blocked) context.Cleanup.Done("group:" + name);
        foreach (var r in steps.Results) yield return r;
    }

    private CheckResult Result(string? op, ResultStatus status, string message, Exchange? evidence) =>
        new(Id, op, status, message, evidence) { Severity = Severity };
}
