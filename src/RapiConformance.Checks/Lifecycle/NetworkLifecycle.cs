using System.Runtime.CompilerServices;
using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>Network: create → read → modify → connect → disconnect → delete → 404 (networks have no rename).</summary>
public sealed class NetworkLifecycle : Check
{
    public override string Id => "network-lifecycle";
    public override string Title => "Networks: create, read, modify, connect, disconnect, delete, 404";
    public override string Requirement => "Each step's job succeeds and the next read shows its effect; after delete the network answers 404";
    public override string Source => "reference/resources.md (Networks); bulk-fields.md (Networks)";
    public override IReadOnlySet<string> Profiles => Only30;
    public override bool Writes => true;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var facts = await context.FactsAsync();
        var name = context.Name("network");
        var octet = context.Seed % 200 + 20;
        var cidr = $"10.{octet}.77.0/24";
        var gateway = $"10.{octet}.77.1";
        context.Cleanup.Register("network:" + name, async t =>
        {
            if (facts.Groups.FirstOrDefault() is { } g)
                await context.SubmitAsync(RapiRequest.Put($"/2/networks/{name}/disconnect", JsonSerializer.Serialize(new { group_name = g })), t);
            await context.SubmitAsync(RapiRequest.Delete($"/2/networks/{name}"), t);
        });
        var steps = new LifecycleSteps(this, context, Result);
        await steps.StepAsync("createNetwork", "created; job succeeded", () => steps.JobAsync(RapiRequest.Post("/2/networks", JsonSerializer.Serialize(new { network_name = name, network = cidr })), ct));
        await steps.StepAsync("getNetwork", "the new network reads back with its range", () => steps.ReadAsync($"/2/networks/{name}", "network", v => v.GetString() == cidr, cidr, ct));
        await steps.StepAsync("modifyNetwork", "modified; the gateway reads back", async () =>
        {
            var (p, e) = await steps.JobAsync(RapiRequest.Put($"/2/networks/{name}/modify", JsonSerializer.Serialize(new { gateway })), ct);
            return p is not null ? (p, e) : await steps.ReadAsync($"/2/networks/{name}", "gateway", v => v.GetString() == gateway, gateway, ct);
        });
        if (facts.Groups.FirstOrDefault() is { } group)
        {
            await steps.StepAsync("connectNetwork", "connected; the group appears in group_list", async () =>
            {
                var (p, e) = await steps.JobAsync(RapiRequest.Put($"/2/networks/{name}/connect",
                    JsonSerializer.Serialize(new { group_name = group, network_mode = "routed", network_link = "rc-link" })), ct);
                return p is not null ? (p, e) : await steps.ReadAsync($"/2/networks/{name}", "group_list", v => v.GetRawText().Contains($"\"{group}\"", StringComparison.Ordinal), $"a list naming {group}", ct);
            });
            await steps.StepAsync("disconnectNetwork", "disconnected; the group left group_list", async () =>
            {
                var (p, e) = await steps.JobAsync(RapiRequest.Put($"/2/networks/{name}/disconnect", JsonSerializer.Serialize(new { group_name = group })), ct);
                return p is not null ? (p, e) : await steps.ReadAsync($"/2/networks/{name}", "group_list", v => !v.GetRawText().Contains($"\"{group}\"", StringComparison.Ordinal), $"a list without {group}", ct);
            });
        }
        await steps.StepAsync("deleteNetwork", "deleted; it answers 404 afterwards", async () =>
        {
            var (p, e) = await steps.JobAsync(RapiRequest.Delete($"/2/networks/{name}"), ct);
            return p is not null ? (p, e) : await steps.GoneAsync($"/2/networks/{name}", ct);
        });
        if (!steps.Blocked) context.Cleanup.Done("network:" + name);
        foreach (var r in steps.Results) yield return r;
    }

    private CheckResult Result(string? op, ResultStatus status, string message, Exchange? evidence) =>
        new(Id, op, status, message, evidence) { Severity = Severity };
}
