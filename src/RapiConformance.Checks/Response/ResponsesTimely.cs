using RapiConformance.Client;
using RapiConformance.Spec;

namespace RapiConformance.Checks;

/// <summary>Plain reads come back promptly (Ganeti answers them in tens of milliseconds).</summary>
public sealed class ResponsesTimely : ExchangeCheck
{
    public override string Id => "responses-timely";
    public override string Title => "Plain reads answer promptly";
    public override string Requirement => "The median time of an operation's plain GETs (no job, no long poll) stays under 1 s (with fewer than 3 GETs, the fastest one)";
    public override string Source => "reference/samples (time_total_s 0.01–0.05 s per request)";

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    protected override bool AppliesTo(Exchange exchange) => exchange.Completed && exchange.Method == "GET" && exchange.RequestBody is null;

    protected override string? Problem(Exchange exchange, OperationSpec? operation, Profile profile) => null;

    protected override CheckResult Judge(string? operationId, List<(Exchange Exchange, OperationSpec? Operation)> judged, Profile profile)
    {
        var plain = judged.Where(x => x.Operation is { IsJob: false }).Select(x => x.Exchange).ToList();
        if (plain.Count == 0) return Skip(operationId, "no plain GET of this operation to time");
        var ordered = plain.OrderBy(e => e.Duration).ToList();
        // With one or two samples the first may include connection set-up and JIT warm-up: judge the fastest.
        var median = ordered.Count < 3 ? ordered[0] : ordered[ordered.Count / 2];
        return median.Duration <= Limit
            ? Pass(operationId, $"median {median.Duration.TotalMilliseconds:0} ms over {plain.Count} GET(s)")
            : Fail(operationId, $"median {median.Duration.TotalMilliseconds:0} ms over {plain.Count} GET(s), limit {Limit.TotalMilliseconds:0} ms", median);
    }
}
