namespace RapiConformance.Generation.Http;

/// <summary>
/// What came back: status, Content-Type and body text, or a transport error (connection refused, reset,
/// time-out) with status 0.
/// </summary>
public sealed record WireResponse(int Status, string? ContentType, string Body, TimeSpan Elapsed, string? TransportError = null)
{
    public bool IsTransportError => TransportError is not null;

    public override string ToString() =>
        IsTransportError ? $"transport error: {TransportError}" : $"{Status} {ContentType} {(Body.Length > 600 ? Body[..600] + "..." : Body)}";
}
