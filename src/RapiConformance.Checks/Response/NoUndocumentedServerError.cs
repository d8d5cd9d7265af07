using RapiConformance.Client;
using RapiConformance.Spec;

namespace RapiConformance.Checks;

/// <summary>No 5xx unless the spec documents that 5xx for the operation — negative probes included.</summary>
public sealed class NoUndocumentedServerError : ExchangeCheck
{
    public override string Id => "no-undocumented-5xx";
    public override string Title => "No undocumented server errors (5xx)";
    public override string Requirement => "A server error is only acceptable where the spec documents it (for example Ganeti's 500 on PUT /2/modify without a body)";
    public override string Source => "reference/protocol.md §4; resources.md";

    protected override bool AppliesTo(Exchange exchange) => exchange.Completed && exchange.Status >= 500;

    protected override string? Problem(Exchange exchange, OperationSpec? operation, Profile profile)
    {
        if (operation is not null && operation.Responses.ContainsKey(exchange.Status!.Value)) return null;
        if (exchange.Status == 501 && operation is null) return null; // a method the resource lacks: Ganeti's 501
        return $"Received {exchange.Status}, not documented: {CheckContext.Excerpt(exchange.ResponseBody, 160)}";
    }
}
