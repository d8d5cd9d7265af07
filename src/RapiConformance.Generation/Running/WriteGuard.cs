using RapiConformance.Generation.Requests;
using RapiConformance.Spec;

namespace RapiConformance.Generation.Running;

/// <summary>
/// The last word on a stateless write in <see cref="WriteScope.Own"/>: an operation Ganeti can dry-run
/// goes with ?dry-run=1 (checked, never executed); any other write goes only when every entity its path
/// names is the fuzzer's own or does not exist on the target; writes that name no entity and cannot be
/// dry-run (cluster parameters, filters) are not sent at all. A request that submits a job is not sent
/// when it carries non-ASCII text: Ganeti 3.0 stores such a job but can no longer read it back, and
/// GET /2/jobs?bulk=1 answers 500 for everyone until the job is archived, which RAPI cannot do
/// (docs/ganeti-findings.md). Applied to every request just before it is sent, shrink candidates
/// included, so no generated or shrunk request escapes it.
/// </summary>
public sealed partial class WriteGuard(EntityPool discovered)
{
    public const string DryRun = "dry-run";

    private static readonly HashSet<string> EntityParameters = new(StringComparer.Ordinal)
        { "instance_name", "node_name", "group_name", "network_name", "filter_uuid", "job_id" };

    /// <summary>Operations that write and honour Ganeti's dry-run query argument.</summary>
    public static bool CanDryRun(OperationSpec op) => op.StaticParameters.Contains("dry_run");

    /// <summary>The request as it may be sent, or null when it must not be sent.</summary>
    public FuzzRequest? Admit(OperationSpec op, FuzzRequest request)
    {
        if (op.IsJob && CarriesNonAscii(request)) return null;
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

    /// <summary>Non-ASCII as sent: raw, percent-encoded (a byte of 0x80 or more) or as a JSON \u escape.</summary>
    public static bool CarriesNonAscii(FuzzRequest request) =>
        request.PathAndQuery.Any(c => c > 0x7F) || PercentHigh().IsMatch(request.PathAndQuery) ||
        request.BodyText is { } body && (body.Any(c => c > 0x7F) || JsonEscapeHigh().IsMatch(body));

    [System.Text.RegularExpressions.GeneratedRegex("%[89A-Fa-f][0-9A-Fa-f]")]
    private static partial System.Text.RegularExpressions.Regex PercentHigh();

    [System.Text.RegularExpressions.GeneratedRegex(@"\\u(00[89A-Fa-f][0-9A-Fa-f]|0[1-9A-Fa-f][0-9A-Fa-f]{2}|[1-9A-Fa-f][0-9A-Fa-f]{3})")]
    private static partial System.Text.RegularExpressions.Regex JsonEscapeHigh();

    /// <summary>Ganeti expands a short name to the one full name it starts (inst1 → inst1.ganeti.test), so that counts too.</summary>
    private static bool Names(IReadOnlyList<string> existing, string value) =>
        existing.Any(e => e == value || e.StartsWith(value + ".", StringComparison.OrdinalIgnoreCase));
}
