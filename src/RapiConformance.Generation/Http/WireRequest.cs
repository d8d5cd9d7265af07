namespace RapiConformance.Generation.Http;

/// <summary>A request as it goes on the wire: method, path with query, body text and Content-Type.</summary>
public sealed record WireRequest(string Method, string PathAndQuery, string? Body, string? ContentType);
