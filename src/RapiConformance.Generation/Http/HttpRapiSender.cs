using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace RapiConformance.Generation.Http;

/// <summary>
/// A thin HttpClient sender: HTTP Basic, keep-alive connections shared by the fuzzing workers, exact
/// control of Content-Type (odd values included), a time-out per request, optional trust of any
/// certificate (--insecure).
/// </summary>
public sealed class HttpRapiSender : IRapiSender, IDisposable
{
    private readonly HttpClient _client;
    private readonly AuthenticationHeaderValue? _auth;
    private readonly TimeSpan _timeout;

    public HttpRapiSender(Uri baseUri, string? user, string? password, bool insecure = false, int connections = 16, TimeSpan? timeout = null)
    {
        BaseUri = baseUri;
        _timeout = timeout ?? TimeSpan.FromSeconds(20);
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, connections),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        if (insecure) handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        if (user is not null)
            _auth = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    public Uri BaseUri { get; }

    public async Task<WireResponse> SendAsync(WireRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(BaseUri, request.PathAndQuery.TrimStart('/')));
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (_auth is not null) message.Headers.Authorization = _auth;
            if (request.Body is not null)
            {
                var content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
                if (request.ContentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
                message.Content = content;
            }
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return new WireResponse((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WireResponse(0, null, "", Stopwatch.GetElapsedTime(started), $"no answer within {_timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return new WireResponse(0, null, "", Stopwatch.GetElapsedTime(started), e.InnerException?.Message ?? e.Message);
        }
    }

    public void Dispose() => _client.Dispose();
}
