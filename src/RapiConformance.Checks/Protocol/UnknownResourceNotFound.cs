using System.Runtime.CompilerServices;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>Unknown paths and unknown names answer 404 with Ganeti's error body.</summary>
public sealed class UnknownResourceNotFound : Check
{
    public override string Id => "unknown-resource-404";
    public override string Title => "Unknown resources answer 404";
    public override string Requirement => "A path no route matches, and a single-item GET of a name that does not exist, answer 404 (an unknown numeric job id may instead answer Ganeti 3.0's all-null job)";
    public override string Source => "reference/protocol.md §2 step 3, §4 (404); samples 061-066";

    private static readonly (string? Operation, string Path)[] Probes =
    [
        (null, "/2/nonexistent"),
        (null, "/3"),
        (null, "/2/instances/rc-missing/nonexistent"),
        ("getInstance", "/2/instances/rc-missing-instance"),
        ("getInstance", "/2/instances/rc-n%C3%BCmbered-%C3%A9"),
        ("getNode", "/2/nodes/rc-missing-node"),
        ("getGroup", "/2/groups/rc-missing-group"),
        ("getNetwork", "/2/networks/rc-missing-network"),
        ("getFilter", "/2/filters/00000000-0000-4000-8000-000000000000"),
        ("getJob", "/2/jobs/987654321"),
        ("getJob", "/2/jobs/not-a-number"),
    ];

    /// <summary>Ganeti 3.0 answers an unknown numeric job id with 200 and a job whose every field is null (sample 066).</summary>
    private static bool IsGanetiUnknownJob(string path, Exchange exchange) =>
        path.StartsWith("/2/jobs/", StringComparison.Ordinal) && exchange.Status == 200
        && exchange.Json() is { ValueKind: System.Text.Json.JsonValueKind.Object } job
        && job.TryGetProperty("status", out var s) && s.ValueKind == System.Text.Json.JsonValueKind.Null;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var group in Probes.GroupBy(p => p.Operation))
        {
            if (group.Key is not null && !context.HasOperation(group.Key)) continue;
            var problems = new List<string>();
            Exchange? evidence = null;
            foreach (var (_, path) in group)
            {
                var exchange = await context.SendAsync(RapiRequest.Get(path) with { Negative = true }, ct);
                evidence ??= exchange;
                if (exchange.Status != 404 && !IsGanetiUnknownJob(path, exchange)) { problems.Add($"GET {path}: expected 404, got {exchange.Status?.ToString() ?? exchange.TransportError}"); evidence = exchange; }
            }
            yield return Verdict(group.Key, problems, $"{group.Count()} unknown path(s) answered 404", evidence);
        }
    }
}
