using System.Runtime.CompilerServices;
using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>
/// Bodies Ganeti rejects are rejected: an unknown member answers 400; an invalid value (negative memory) is
/// refused with 400 or a failed job; either way the stored state is unchanged.
/// </summary>
public sealed class InvalidBodyRefused : Check
{
    public override string Id => "invalid-body-refused";
    public override string Title => "Invalid request bodies are refused and change nothing";
    public override string Requirement => "An unknown body member answers 400 (\"doesn't support the parameter\"); a negative memory size is refused (400 or a job ending 'error'); the instance keeps its values";
    public override string Source => "reference/resources.md N2; opcodes-3.0.json (beparams)";
    public override bool Writes => true;
    public override IReadOnlySet<string> Profiles => From25;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var facts = await context.FactsAsync();
        if (facts.Instances.LastOrDefault() is not { } instance) { yield return Skip("modifyInstance", "no instance on the target"); yield break; }
        var path = $"/2/instances/{instance}";
        var before = await context.SendAsync(RapiRequest.Get(path), ct);
        var problems = new List<string>();
        var unknown = await context.SendAsync(RapiRequest.Put($"{path}/modify", "{\"rc_unknown_member\":1}") with { Negative = true }, ct);
        if (unknown.Status != 400) problems.Add($"unknown body member: expected 400, got {unknown.Summary}");
        await FollowAsync(context, unknown, ct);
        var negative = await context.SendAsync(RapiRequest.Put($"{path}/modify", "{\"beparams\":{\"maxmem\":-128,\"minmem\":-128}}") with { Negative = true }, ct);
        var refused = negative.Status == 400 || await FollowAsync(context, negative, ct) is { FinalStatus: "error" };
        if (!refused) problems.Add($"negative memory was accepted: {negative.Summary}");
        var after = await context.SendAsync(RapiRequest.Get(path), ct);
        if (Memory(after.Json()) is { } mem && mem < 0) problems.Add($"the instance now has maxmem {mem}");
        else if (Memory(before.Json()) != Memory(after.Json())) problems.Add($"maxmem changed from {Memory(before.Json())} to {Memory(after.Json())}");
        yield return Verdict("modifyInstance", problems, "unknown member 400, negative memory refused, instance unchanged", problems.Count > 0 && unknown.Status != 400 ? unknown : negative);
    }

    private static async Task<JobOutcome?> FollowAsync(CheckContext context, Exchange e, CancellationToken ct) =>
        e.IsSuccess && JobWaiter.TryReadJobId(e.Json(), out var id) ? await context.Jobs.WaitAsync(id, context.JobTimeout, ct) : null;

    private static long? Memory(JsonElement? instance) =>
        instance is { ValueKind: JsonValueKind.Object } i && i.TryGetProperty("beparams", out var be) && be.ValueKind == JsonValueKind.Object
        && be.TryGetProperty("maxmem", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : null;
}
