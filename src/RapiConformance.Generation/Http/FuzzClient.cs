using RapiConformance.Client;

namespace RapiConformance.Generation.Http;

/// <summary>
/// The harness's <see cref="RapiClient"/> set up for fuzzing: keep-alive connections shared by the
/// workers, a time-out per request, no retries or redirects (the client never does either), and a log
/// that numbers exchanges without keeping them (the fuzzer keeps the ones it reports).
/// </summary>
public static class FuzzClient
{
    public static RapiClient Create(Uri baseUri, Credentials? credentials, bool insecure = false, TimeSpan? timeout = null) =>
        new(new RapiClientOptions
        {
            BaseUri = baseUri,
            Credentials = credentials,
            Insecure = insecure,
            KeepAlive = true,
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(20),
        }, new ExchangeLog(retain: false));
}
