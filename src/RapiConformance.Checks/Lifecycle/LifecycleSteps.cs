using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>
/// Walks one entity through create → read → modify → rename → delete → 404, recording a result per
/// operation. The first failing step fails its operation; later steps are skipped with the reason.
/// </summary>
internal sealed class LifecycleSteps(Check owner, CheckContext context, Func<string?, ResultStatus, string, Exchange?, CheckResult> result)
{
    private readonly List<CheckResult> _results = [];
    private string? _blocked;

    public IReadOnlyList<CheckResult> Results => _results;

    public bool Blocked => _blocked is not null;

    /// <summary>Runs a step for an operation unless an earlier step failed; the step returns null on success or the problem.</summary>
    public async Task StepAsync(string operation, string passMessage, Func<Task<(string? Problem, Exchange? Evidence)>> step)
    {
        if (!context.HasOperation(operation)) return;
        if (_blocked is not null) { _results.Add(result(operation, ResultStatus.Skip, $"not reached: {_blocked}", null)); return; }
        var (problem, evidence) = await step();
        if (problem is null) _results.Add(result(operation, ResultStatus.Pass, passMessage, evidence));
        else
        {
            _results.Add(result(operation, ResultStatus.Fail, problem, evidence));
            _blocked = $"{operation} failed";
        }
    }

    public async Task<(string?, Exchange?)> JobAsync(RapiRequest request, CancellationToken ct)
    {
        var s = await context.SubmitAsync(request, ct);
        return (s.Problem, s.Exchange);
    }

    /// <summary>GET that must answer 200 with an object whose key has the expected value (or any value when expected is null).</summary>
    public async Task<(string?, Exchange?)> ReadAsync(string path, string key, Func<JsonElement, bool> expected, string what, CancellationToken ct)
    {
        var e = await context.SendAsync(RapiRequest.Get(path), ct);
        if (e.Status != 200) return ($"GET {path}: {e.Summary}", e);
        if (e.Json() is not { ValueKind: JsonValueKind.Object } o || !o.TryGetProperty(key, out var v)) return ($"GET {path}: no '{key}' in the answer", e);
        return expected(v) ? (null, e) : ($"GET {path}: '{key}' is {CheckContext.Excerpt(v.GetRawText(), 80)}, expected {what}", e);
    }

    public async Task<(string?, Exchange?)> GoneAsync(string path, CancellationToken ct)
    {
        var e = await context.SendAsync(RapiRequest.Get(path) with { Negative = true }, ct);
        return e.Status == 404 ? (null, e) : ($"GET {path} after removal: expected 404, got {e.Summary}", e);
    }

    public override string ToString() => owner.Id;
}
