using System.Text.Json.Nodes;

namespace RapiConformance.Differential;

/// <summary>What one server answered to one step: the parts the comparison looks at.</summary>
public sealed record ObservedResponse(
    string Method,
    string PathAndQuery,
    int Status,
    string? ContentType,
    string? WwwAuthenticate,
    string Body,
    JsonNode? Json,
    bool BodyIsJson,
    double ElapsedMs,
    string? TransportError = null);
