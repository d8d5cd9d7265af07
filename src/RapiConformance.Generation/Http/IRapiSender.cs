namespace RapiConformance.Generation.Http;

/// <summary>
/// Sends one request to the target. The fuzzer only needs this much of a client, so the harness's
/// client can replace the built-in <see cref="HttpRapiSender"/> behind it.
/// </summary>
public interface IRapiSender
{
    Uri BaseUri { get; }

    Task<WireResponse> SendAsync(WireRequest request, CancellationToken cancellationToken);
}
