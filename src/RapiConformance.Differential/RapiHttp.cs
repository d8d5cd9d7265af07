using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RapiConformance.Differential;

/// <summary>
/// A bare HTTP view of one RAPI server: sends exactly the bytes a step describes (Ganeti rejects a
/// Content-Type with parameters, so no charset is added) and keeps status, headers and body.
/// </summary>
public sealed class RapiHttp : IDisposable
{
    private readonly HttpClient _client;

    public RapiHttp(DiffEndpoint endpoint, bool insecure, TimeSpan timeout)
    {
        Endpoint = endpoint;
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30), AllowAutoRedirect = false };
        if (insecure)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        _client = new HttpClient(handler) { BaseAddress = endpoint.BaseUri, Timeout = timeout };
    }

    public DiffEndpoint Endpoint { get; }

    public async Task<ObservedResponse> SendAsync(string method, string pathAndQuery, string? body, string? contentType,
        DiffRole role, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), pathAndQuery.TrimStart('/'));
        var credential = Endpoint.CredentialFor(role);
        if (credential is not null)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.User}:{credential.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);
        }
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var (json, isJson) = Parse(text);
            var type = response.Content.Headers.TryGetValues("Content-Type", out var types) ? string.Join(", ", types) : null;
            var www = response.Headers.TryGetValues("WWW-Authenticate", out var auth) ? string.Join(", ", auth) : null;
            return new ObservedResponse(method, pathAndQuery, (int)response.StatusCode, type, www, text, json, isJson,
                clock.Elapsed.TotalMilliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new ObservedResponse(method, pathAndQuery, 0, null, null, "", null, false, clock.Elapsed.TotalMilliseconds, e.Message);
        }
    }

    private static (JsonNode? Json, bool IsJson) Parse(string text)
    {
        if (text.Length == 0)
        {
            return (null, false);
        }
        try
        {
            return (JsonNode.Parse(text), true);
        }
        catch (JsonException)
        {
            return (null, false);
        }
    }

    public void Dispose() => _client.Dispose();
}
