using System.Runtime.CompilerServices;
using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>Instance: create → read → modify → rename → old name 404 → delete → 404.</summary>
public sealed class InstanceLifecycle : Check
{
    public override string Id => "instance-lifecycle";
    public override string Title => "Instances: create, read, modify, rename, delete, 404";
    public override string Requirement => "Each step's job succeeds and the next read shows its effect; after delete the instance answers 404";
    public override string Source => "reference/resources.md (Instances); samples 048-053";
    public override bool Writes => true;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var facts = await context.FactsAsync();
        if (facts.Nodes.Count == 0) { yield return Skip("createInstance", "the target has no node"); yield break; }
        var name = context.Name("instance");
        var renamed = context.Name("instance-renamed");
        var current = name;
        context.Cleanup.Register("instance:" + name, async t =>
        {
            foreach (var n in new[] { name, renamed })
            {
                var e = await context.SendAsync(RapiRequest.Delete($"/2/instances/{n}"), t);
                if (e.IsSuccess && JobWaiter.TryReadJobId(e.Json(), out var id)) await context.Jobs.WaitAsync(id, context.JobTimeout, t);
            }
        });
        var steps = new LifecycleSteps(this, context, Result);
        await steps.StepAsync("createInstance", "created; job succeeded", () => steps.JobAsync(RapiRequest.Post("/2/instances", InstanceRequests.CreateBody(context, facts, name, 10)), ct));
        await steps.StepAsync("getInstance", "the new instance reads back with its name", () => steps.ReadAsync($"/2/instances/{name}", "name", v => v.GetString() == name, name, ct));
        await steps.StepAsync("modifyInstance", "modified; the new vcpus value reads back", async () =>
        {
            var (p, e) = await steps.JobAsync(RapiRequest.Put($"/2/instances/{name}/modify", "{\"beparams\":{\"vcpus\":2}}"), ct);
            if (p is not null) return (p, e);
            return await steps.ReadAsync($"/2/instances/{name}", "beparams", v => v.ValueKind == JsonValueKind.Object && v.TryGetProperty("vcpus", out var c) && c.ValueKind == JsonValueKind.Number && c.GetInt32() == 2, "vcpus 2", ct);
        });
        await steps.StepAsync("renameInstance", "renamed; the old name answers 404 and the new one 200", async () =>
        {
            var (p, e) = await steps.JobAsync(RapiRequest.Put($"/2/instances/{name}/rename", JsonSerializer.Serialize(new { new_name = renamed, ip_check = false, name_check = false })), ct);
            if (p is not null) return (p, e);
            current = renamed;
            var gone = await steps.GoneAsync($"/2/instances/{name}", ct);
            if (gone.Item1 is not null) return gone;
            return await steps.ReadAsync($"/2/instances/{renamed}", "name", v => v.GetString() == renamed, renamed, ct);
        });
        await steps.StepAsync("deleteInstance", "deleted; it answers 404 afterwards", async () =>
        {
            var (p, e) = await steps.JobAsync(RapiRequest.Delete($"/2/instances/{current}"), ct);
            return p is not null ? (p, e) : await steps.GoneAsync($"/2/instances/{current}", ct);
        });
        if (!steps.Blocked) context.Cleanup.Done("instance:" + name);
        foreach (var r in steps.Results) yield return r;
    }

    private CheckResult Result(string? op, ResultStatus status, string message, Exchange? evidence) =>
        new(Id, op, status, message, evidence) { Severity = Severity };
}
