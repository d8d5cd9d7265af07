using RapiConformance.Client;
using RapiConformance.Spec;

namespace RapiConformance.Checks;

/// <summary>Every answer, success or error, is JSON and says so.</summary>
public sealed class ContentTypeJson : ExchangeCheck
{
    public override string Id => "content-type-json";
    public override string Title => "Responses carry Content-Type: application/json";
    public override string Requirement => "Success and error bodies are JSON with Content-Type application/json";
    public override string Source => "reference/protocol.md §1 (Success status) and §4";

    protected override string? Problem(Exchange exchange, OperationSpec? operation, Profile profile)
    {
        var mediaType = (exchange.ContentType ?? "").Split(';')[0].Trim();
        return string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"Content-Type is '{exchange.ContentType ?? "(none)"}', expected application/json";
    }
}
