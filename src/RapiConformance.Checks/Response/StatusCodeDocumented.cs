using System.Globalization;
using RapiConformance.Client;
using RapiConformance.Spec;

namespace RapiConformance.Checks;

/// <summary>Ordinary requests get a status the spec documents for the operation.</summary>
public sealed class StatusCodeDocumented : ExchangeCheck
{
    public override string Id => "status-code-documented";
    public override string Title => "Status code is documented for the operation";
    public override string Requirement => "Every status a server returns for a well-formed request is one the spec lists for that operation";
    public override string Source => "spec/rapi.openapi.yaml responses; reference/protocol.md §4";

    protected override bool AppliesTo(Exchange exchange) => exchange.Completed && !exchange.Negative;

    protected override string? Problem(Exchange exchange, OperationSpec? operation, Profile profile)
    {
        if (operation is null || operation.Responses.Count == 0) return null;
        var status = exchange.Status!.Value;
        if (operation.Responses.ContainsKey(status)) return null;
        var documented = string.Join(", ", operation.Responses.Keys.Order().Select(k => k.ToString(CultureInfo.InvariantCulture)));
        return $"Received {status}, documented: {documented}. Body: {CheckContext.Excerpt(exchange.ResponseBody, 160)}";
    }
}
