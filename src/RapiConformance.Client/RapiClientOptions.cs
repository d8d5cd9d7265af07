namespace RapiConformance.Client;

/// <summary>How to reach one RAPI server: address, default user, TLS trust, limits.</summary>
public sealed record RapiClientOptions
{
    public required Uri BaseUri { get; init; }

    /// <summary>Sent on every request unless the request says otherwise; null means anonymous.</summary>
    public Credentials? Credentials { get; init; }

    /// <summary>Accept any server certificate (self-signed test clusters).</summary>
    public bool Insecure { get; init; }

    /// <summary>A PEM or DER certificate that is trusted as the root for the server's chain.</summary>
    public string? CaCertificatePath { get; init; }

    /// <summary>Time allowed for one whole exchange: connect, send, headers and body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A body longer than this is cut off and the exchange counts as failed.</summary>
    public long MaxResponseBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Keep connections open and share them between concurrent callers (the fuzzer's many small requests).
    /// Off by default: one connection per exchange, as Ganeti itself answers, so a write is never re-sent
    /// on a stale pooled connection. With it on, the socket stack may re-send a request only when a
    /// pooled connection turns out to be closed before any byte of an answer arrived.
    /// </summary>
    public bool KeepAlive { get; init; }

    /// <summary>Requests per second across the client; null or zero means no limit.</summary>
    public double? RatePerSecond { get; init; }
}
