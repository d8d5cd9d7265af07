using RapiConformance.Client;
using RapiConformance.Spec;

namespace RapiConformance.Checks;

/// <summary>Every request got a complete HTTP response in time: no hang, reset, garbage, short or huge body.</summary>
public sealed class TransportSound : ExchangeCheck
{
    public override string Id => "transport-sound";
    public override string Title => "Every request gets a complete, well-formed HTTP response within the time-out";
    public override string Requirement => "The server answers each request with a valid HTTP/1.x response whose body matches its Content-Length, then closes";
    public override string Source => "reference/protocol.md §1 (Connections, Limits)";

    protected override bool AppliesTo(Exchange exchange) => true;

    protected override string? Problem(Exchange exchange, OperationSpec? operation, Profile profile) => exchange.TransportError;
}
