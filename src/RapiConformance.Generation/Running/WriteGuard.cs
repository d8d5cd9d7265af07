using RapiConformance.Generation.Requests;
using RapiConformance.Spec;

namespace RapiConformance.Generation.Running;

/// <summary>
/// The last word on a stateless write in <see cref="WriteScope.Own"/>: an operation Ganeti can dry-run
/// goes with ?dry-run=1 (checked, never executed); any other write goes only when every entity its path
/// names is the fuzzer's own or does not exist on the target; writes that name no entity and cannot be
/// dry-run (cluster parameters, filters) are not sent at all. Applied to every request just before it is
/// sent, shrink candidates included, so no generated or shrunk request escapes it.
/// </summary>
public sealed class WriteGuard(EntityPool discovered)
{
    public const string DryRun = "dry-run";

    private static readonly HashSet<string> EntityParameters = new(StringComparer.Ordinal)
        { "instance_name", "node_name", "group_name", "network_name", "filter_uuid", "job_id" };

    /// <summary>Operations that write and honour Ganeti's dry-run query argument.</summary>
    public static bool CanDryRun(OperationSpec op) => op.StaticParameters.Contains("dry_run");

    /// <summary>The request as it may be sent, or null when it must not be sent.</summary>
    public FuzzRequest? Admit(OperationSpec op, FuzzRequest request)
    {
        if (!op.Writes || op.Method == "GET") return request;
        if (op.PathTemplate.StartsWith("/2/filters", StringComparison.Ordinal)) return null;
        if (CanDryRun(op))
            return request with { Query = [.. request.Query.Where(kv => kv.Key != DryRun), new(DryRun, "1")] };
        var named = op.PathParameters.Where(p => EntityParameters.Contains(p.Name)).ToList();
        if (named.Count == 0) return null;
        foreach (var p in named)
        {
            if (!request.PathValues.TryGetValue(p.Name, out var value)) return null;
            if (!OwnEntities.Owns(value) && Names(discovered.Existing(p.Name), value)) return null;
        }
        return request;
    }

    /// <summary>Ganeti expands a short name to the one full name it starts (inst1 → inst1.ganeti.test), so that counts too.</summary>
    private static bool Names(IReadOnlyList<string> existing, string value) =>
        existing.Any(e => e == value || e.StartsWith(value + ".", StringComparison.OrdinalIgnoreCase));
}
