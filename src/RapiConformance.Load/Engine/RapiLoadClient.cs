using System.Net.Http.Headers;
using System.Text;

namespace RapiConformance.Load.Engine;

/// <summary>
/// A thin HttpClient over SocketsHttpHandler for throughput: no recording of exchanges, pooled
/// connections, Basic auth set once. (The conformance harness's RestSharp client records every
/// exchange, which is right there and too slow here.)
/// </summary>
public sealed class RapiLoadClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly AuthenticationHeaderValue? _auth;
    private readonly TimeSpan _timeout;

    public RapiLoadClient(Uri target, string? user, string? password, bool insecure, TimeSpan timeout, int maxConnections = 512)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            ConnectTimeout = timeout,
        };
        if (insecure)
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        _http = new HttpClient(handler) { BaseAddress = target, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("rapi-conformance-load/1.0");
        if (user is not null)
            _auth = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        _timeout = timeout;
    }

    /// <summary>Sends one request; throws <see cref="TimeoutException"/> past the time-out, HttpRequestException on transport errors.</summary>
    public async Task<LoadResponse> SendAsync(HttpMethod method, string pathAndQuery, string? body, CancellationToken ct, TimeSpan? timeout = null)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery.TrimStart('/'));
        if (_auth is not null) request.Headers.Authorization = _auth;
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = Json; // exactly application/json: Ganeti refuses parameters (415)
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var limit = timeout ?? _timeout;
        linked.CancelAfter(limit);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            return new LoadResponse((int)response.StatusCode, bytes);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer within {limit.TotalSeconds:0.#} s");
        }
    }

    public void Dispose() => _http.Dispose();
}
