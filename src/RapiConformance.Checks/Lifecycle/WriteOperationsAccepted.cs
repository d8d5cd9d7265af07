using System.Runtime.CompilerServices;
using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>
/// The write operations no lifecycle covers, each sent once with a minimal valid request (on an instance
/// of its own, or with dry-run where the operation could disturb the cluster): each answers 200 with a job
/// id and the job ends, in success or in a classified error. Filters and query-with-filter answer directly.
/// </summary>
public sealed class WriteOperationsAccepted : Check
{
    public override string Id => "write-operations-accepted";
    public override string Title => "Every other write operation accepts a minimal valid request";
    public override string Requirement => "A well-formed write answers 200 with a job id whose job finishes (success, or 'error' with [ErrorClass, [message, classification]]); execution errors never show as HTTP errors";
    public override string Source => "reference/resources.md (all J rows); jobs.md (Failed opresult form); protocol.md §4 (last paragraph)";
    public override bool Writes => true;
    public override CheckPhase Phase => CheckPhase.Exclusive;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var facts = await context.FactsAsync();
        var node = facts.NonMasterNode ?? facts.Nodes.FirstOrDefault();
        var group = facts.Groups.FirstOrDefault();
        var name = context.Name("ops-instance");
        var i = $"/2/instances/{name}";
        var os = facts.OperatingSystems.FirstOrDefault() ?? "noop+default";

        var created = context.HasOperation("createInstance") && node is not null
            ? await context.SubmitAsync(RapiRequest.Post("/2/instances", InstanceRequests.CreateBody(context, facts, name, 30)), ct)
            : null;
        context.Cleanup.Register("instance:" + name, t => context.SubmitAsync(RapiRequest.Delete(i), t));
        var haveInstance = created?.Succeeded == true;

        var jobs = new List<(string Op, RapiRequest Request, bool NeedsInstance)>
        {
            ("redistributeConfig", RapiRequest.Put("/2/redistribute-config"), false),
            ("modifyCluster", RapiRequest.Put("/2/modify", "{}"), false),
            ("startupInstance", RapiRequest.Put($"{i}/startup"), true),
            ("rebootInstance", RapiRequest.Post($"{i}/reboot?type=soft"), true),
            ("shutdownInstance", RapiRequest.Put($"{i}/shutdown", "{}"), true),
            ("activateInstanceDisks", RapiRequest.Put($"{i}/activate-disks"), true),
            ("deactivateInstanceDisks", RapiRequest.Put($"{i}/deactivate-disks"), true),
            ("growInstanceDisk", RapiRequest.Post($"{i}/disk/0/grow", "{\"amount\":128}"), true),
            ("recreateInstanceDisks", RapiRequest.Post($"{i}/recreate-disks", "{}"), true),
            ("replaceInstanceDisks", RapiRequest.Post($"{i}/replace-disks", "{\"mode\":\"replace_auto\"}"), true),
            ("reinstallInstance", RapiRequest.Post($"{i}/reinstall", JsonSerializer.Serialize(new { os, start = false })), true),
            ("prepareInstanceExport", RapiRequest.Put($"{i}/prepare-export?mode=local"), true),
            ("exportInstance", RapiRequest.Put($"{i}/export", JsonSerializer.Serialize(new { target_node = node, mode = "local", shutdown = false })), true),
            ("migrateInstance", RapiRequest.Put($"{i}/migrate", "{}"), true),
            ("failoverInstance", RapiRequest.Put($"{i}/failover", "{}"), true),
            ("createInstancesMultiAlloc", RapiRequest.Post("/2/instances-multi-alloc?dry-run=1",
                "{\"instances\":[" + MultiAllocElement(context, facts) + "]}"), false),
            ("assignGroupNodes", RapiRequest.Put($"/2/groups/{group}/assign-nodes?dry-run=1", JsonSerializer.Serialize(new { nodes = new[] { node } })), false),
            ("evacuateNode", RapiRequest.Post($"/2/nodes/{node}/evacuate?dry-run=1", "{\"mode\":\"secondary-only\"}"), false),
            ("migrateNode", RapiRequest.Post($"/2/nodes/{node}/migrate", "{}"), false),
            ("modifyNode", RapiRequest.Post($"/2/nodes/{node}/modify", "{\"auto_promote\":false}"), false),
            ("modifyNodeStorage", RapiRequest.Put($"/2/nodes/{node}/storage/modify?storage_type=lvm-vg&name=xenvg&allocatable=1"), false),
            ("repairNodeStorage", RapiRequest.Put($"/2/nodes/{node}/storage/repair?storage_type=lvm-vg&name=xenvg"), false),
        };
        foreach (var (op, request, needsInstance) in jobs)
        {
            if (!context.HasOperation(op)) continue;
            if (node is null || group is null && op == "assignGroupNodes") { yield return Skip(op, "the target has no node or group to use"); continue; }
            if (needsInstance && !haveInstance) { yield return Skip(op, "no instance of its own: " + (created?.Problem ?? "createInstance is not in the profile")); continue; }
            var s = await context.SubmitAsync(request, ct);
            var problem = s.Outcome is null ? s.Problem
                : !s.Outcome.Finished ? s.Outcome.Describe()
                : s.Outcome.FinalStatus == "error" ? ErrorFormProblem(s.Outcome)
                : null;
            yield return problem is null
                ? Pass(op, $"job {s.Outcome!.JobId} ended {s.Outcome.FinalStatus}", s.Exchange)
                : Fail(op, problem, s.Exchange);
        }
        if (context.HasOperation("powercycleNode")) yield return Skip("powercycleNode", "not sent: it would power-cycle a real node");

        if (haveInstance)
        {
            var gone = await context.SubmitAsync(RapiRequest.Delete(i), ct);
            if (gone.Succeeded) context.Cleanup.Done("instance:" + name);
        }
        foreach (var r in await FiltersAndQueryAsync(context, ct)) yield return r;
    }

    private async Task<List<CheckResult>> FiltersAndQueryAsync(CheckContext context, CancellationToken ct)
    {
        var results = new List<CheckResult>();
        if (context.HasOperation("queryResourceWithFilter"))
        {
            var q = await context.SendAsync(RapiRequest.Put("/2/query/instance", "{\"fields\":[\"name\"],\"qfilter\":null}"), ct);
            results.Add(q.Status == 200 && q.Json() is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("data", out _)
                ? Pass("queryResourceWithFilter", "answered {fields, data}", q)
                : Fail("queryResourceWithFilter", $"expected 200 with {{fields, data}}, got {q.Summary}", q));
        }
        if (!context.HasOperation("createFilter")) return results;
        const string rule = "{\"priority\":0,\"predicates\":[],\"action\":\"CONTINUE\",\"reason\":[]}";
        var created = await context.SendAsync(RapiRequest.Post("/2/filters", rule), ct);
        var uuid = created.Json() is { ValueKind: JsonValueKind.String } u ? u.GetString() : null;
        if (created.Status != 200 || uuid is null)
        {
            results.Add(Fail("createFilter", $"expected 200 with the new filter's uuid, got {created.Summary}", created));
            return results;
        }
        context.Cleanup.Register("filter:" + uuid, t => context.SendAsync(RapiRequest.Delete($"/2/filters/{uuid}"), t));
        results.Add(Pass("createFilter", $"filter {uuid} created", created));
        var replaced = await context.SendAsync(RapiRequest.Put($"/2/filters/{uuid}", rule.Replace("\"priority\":0", "\"priority\":1", StringComparison.Ordinal)), ct);
        var read = await context.SendAsync(RapiRequest.Get($"/2/filters/{uuid}"), ct);
        var priority = read.Json() is { ValueKind: JsonValueKind.Object } f && f.TryGetProperty("priority", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : (int?)null;
        results.Add(replaced.Status == 200 && priority == 1
            ? Pass("replaceFilter", "replaced; the new priority reads back", replaced)
            : Fail("replaceFilter", $"replace answered {replaced.Summary}; priority reads {priority?.ToString() ?? read.Summary}", replaced));
        var deleted = await context.SendAsync(RapiRequest.Delete($"/2/filters/{uuid}"), ct);
        var after = await context.SendAsync(RapiRequest.Get($"/2/filters/{uuid}") with { Negative = true }, ct);
        if (deleted.Status == 200 && after.Status == 404) context.Cleanup.Done("filter:" + uuid);
        results.Add(deleted.Status == 200 && after.Status == 404
            ? Pass("deleteFilter", "deleted; it answers 404 afterwards", deleted)
            : Fail("deleteFilter", $"delete answered {deleted.Summary}; GET afterwards {after.Summary}", deleted));
        return results;
    }

    private static string MultiAllocElement(CheckContext context, ClusterFacts facts)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(InstanceRequests.CreateBody(context, facts, context.Name("multi-alloc"), 31))!;
        body.Remove("__version__");
        return JsonSerializer.Serialize(body);
    }

    private static string? ErrorFormProblem(JobOutcome outcome)
    {
        if (outcome.Job is not { } job || !job.TryGetProperty("opresult", out var results) || results.ValueKind != JsonValueKind.Array)
            return $"job {outcome.JobId} ended error without an opresult list";
        var failed = results.EnumerateArray().FirstOrDefault(r => r.ValueKind == JsonValueKind.Array);
        return failed.ValueKind != JsonValueKind.Array ? $"job {outcome.JobId} ended error but no opresult has the error form" : JobShape.ErrorProblem(failed);
    }
}
