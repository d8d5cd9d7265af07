using System.Runtime.CompilerServices;
using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>A non-master node's role is changed and changed back; GET /role follows, and 'master' cannot be set.</summary>
public sealed class NodeRoleRoundTrip : Check
{
    public override string Id => "node-role-round-trip";
    public override string Title => "Node role round-trip";
    public override string Requirement => "PUT /2/nodes/N/role with a JSON string submits a job after which GET /role answers the new role; 'master' is refused with 400";
    public override string Source => "reference/resources.md (Nodes, N9)";
    public override IReadOnlySet<string> Profiles => From25;
    public override bool Writes => true;
    public override CheckPhase Phase => CheckPhase.Exclusive;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var facts = await context.FactsAsync();
        if (facts.NonMasterNode is not { } node) { yield return Skip("setNodeRole", "the target has no non-master node"); yield break; }
        var read = await context.SendAsync(RapiRequest.Get($"/2/nodes/{node}/role"), ct);
        var original = read.Json() is { ValueKind: JsonValueKind.String } s ? s.GetString()! : null;
        if (original is null) { yield return Fail("getNodeRole", $"GET /role did not answer a JSON string: {read.Summary}", read); yield break; }
        yield return Pass("getNodeRole", $"role of {node} is {original}", read);
        var target = original == "drained" ? "regular" : "drained";
        var problems = new List<string>();
        var set = await context.SubmitAsync(RapiRequest.Put($"/2/nodes/{node}/role?force=1", JsonSerializer.Serialize(target)), ct);
        context.Cleanup.Register("role:" + node, t => context.SubmitAsync(RapiRequest.Put($"/2/nodes/{node}/role?force=1", JsonSerializer.Serialize(original)), t));
        if (!set.Succeeded) problems.Add($"setting {target}: {set.Problem}");
        else if (await RoleAsync(context, node, ct) is var now && now != target) problems.Add($"after setting {target}, GET /role answers {now}");
        var back = await context.SubmitAsync(RapiRequest.Put($"/2/nodes/{node}/role?force=1", JsonSerializer.Serialize(original)), ct);
        if (!back.Succeeded) problems.Add($"restoring {original}: {back.Problem}");
        else if (await RoleAsync(context, node, ct) is var again && again != original) problems.Add($"after restoring {original}, GET /role answers {again}");
        else context.Cleanup.Done("role:" + node);
        var master = await context.SendAsync(RapiRequest.Put($"/2/nodes/{node}/role", "\"master\"") with { Negative = true }, ct);
        if (master.Status != 400) problems.Add($"setting 'master': expected 400, got {master.Summary}");
        if (master.IsSuccess && JobWaiter.TryReadJobId(master.Json(), out var id)) await context.Jobs.WaitAsync(id, context.JobTimeout, ct);
        yield return Verdict("setNodeRole", problems, $"{node}: {original} → {target} → {original}; 'master' refused", set.Exchange);
    }

    private static async Task<string?> RoleAsync(CheckContext context, string node, CancellationToken ct) =>
        (await context.SendAsync(RapiRequest.Get($"/2/nodes/{node}/role"), ct)).Json() is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
}
