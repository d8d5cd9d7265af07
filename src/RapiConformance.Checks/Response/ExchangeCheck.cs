using System.Runtime.CompilerServices;
using RapiConformance.Client;
using RapiConformance.Spec;

namespace RapiConformance.Checks;

/// <summary>
/// A check that judges every exchange the run recorded, grouped by the operation each request matched.
/// It runs last, so it sees the traffic of every other check. Operations of the profile that no request
/// reached are reported as skipped, never left out.
/// </summary>
public abstract class ExchangeCheck : Check
{
    public override CheckPhase Phase => CheckPhase.Final;

    /// <summary>Whether this exchange is one this check judges.</summary>
    protected virtual bool AppliesTo(Exchange exchange) => exchange.Completed;

    /// <summary>The problem with the exchange, or null when it conforms.</summary>
    protected abstract string? Problem(Exchange exchange, OperationSpec? operation, Profile profile);

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        await Task.Yield();
        var groups = new Dictionary<string, List<(Exchange Exchange, OperationSpec? Operation)>>(StringComparer.Ordinal);
        foreach (var exchange in context.Client.Log.Snapshot())
        {
            var match = context.Catalog.Match(exchange.Method, exchange.Url.AbsolutePath, context.Profile);
            var key = match.Operation?.Id ?? "";
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
            list.Add((exchange, match.Operation));
        }

        foreach (var operation in context.Catalog.ForProfile(context.Profile).OrderBy(o => o.Id, StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            var judged = groups.GetValueOrDefault(operation.Id, []).Where(x => AppliesTo(x.Exchange)).ToList();
            yield return Judge(operation.Id, judged, context.Profile);
        }
        var unmatched = groups.GetValueOrDefault("", []).Where(x => AppliesTo(x.Exchange)).ToList();
        if (unmatched.Count > 0) yield return Judge(null, unmatched, context.Profile);
    }

    protected virtual CheckResult Judge(string? operationId, List<(Exchange Exchange, OperationSpec? Operation)> judged, Profile profile)
    {
        if (judged.Count == 0) return Skip(operationId, "no response of this operation to judge");
        var failures = judged.Select(x => (x.Exchange, Problem: Problem(x.Exchange, x.Operation, profile)))
            .Where(x => x.Problem is not null).ToList();
        if (failures.Count == 0) return Pass(operationId, $"{judged.Count} response(s) conform");
        var first = failures[0];
        var more = failures.Count > 1 ? $" (and {failures.Count - 1} more of {judged.Count})" : "";
        return Fail(operationId, $"{first.Exchange.Method} {first.Exchange.PathAndQuery}: {first.Problem}{more}", first.Exchange);
    }
}
