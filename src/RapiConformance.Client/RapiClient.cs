using System.Diagnostics;
using System.Globalization;
using RestSharp;

namespace RapiConformance.Client;

/// <summary>
/// Talks to one RAPI server over RestSharp and records every exchange. It never throws for what the
/// server does: a time-out, a reset, garbage or an oversized body come back as an <see cref="Exchange"/>
/// with <see cref="Exchange.TransportError"/> set. It never retries: a write is sent exactly once.
/// </summary>
public sealed class RapiClient : IDisposable
{
    private readonly RestClient _rest;
    private readonly RequestPacer _pacer;

    public RapiClient(RapiClientOptions options, ExchangeLog? log = null)
    {
        Options = options;
        Log = log ?? new ExchangeLog();
        _pacer = new RequestPacer(options.RatePerSecond);
        var rest = new RestClientOptions(options.BaseUri)
        {
            ThrowOnAnyError = false,
            SetErrorExceptionOnUnsuccessfulStatusCode = false,
            // Any HTTP answer is a completed exchange; only transport failures are errors.
            CalculateResponseStatus = _ => ResponseStatus.Completed,
            FollowRedirects = false,
            Timeout = options.RequestTimeout + TimeSpan.FromSeconds(5),
            UserAgent = "RapiConformance",
            DisableCharset = true,
            Expect100Continue = false,
            RemoteCertificateValidationCallback = ServerTrust.Callback(options),
            ConfigureMessageHandler = inner => new WireHandler(inner, options.MaxResponseBytes, options.KeepAlive),
        };
        _rest = new RestClient(rest);
    }

    /// <summary>The prefix of a transport error that means no connection could be made at all.</summary>
    public const string CannotConnect = "cannot connect";

    public RapiClientOptions Options { get; }

    /// <summary>The server's address (what curl commands and reports name).</summary>
    public Uri BaseUri => Options.BaseUri;

    public ExchangeLog Log { get; }

    public async Task<Exchange> SendAsync(RapiRequest request, CancellationToken ct = default)
    {
        await _pacer.WaitTurnAsync(ct);
        var timeout = request.Timeout ?? Options.RequestTimeout;
        var url = new Uri(Options.BaseUri, request.PathAndQuery);
        var rest = new RestRequest(url, ToMethod(request.Method));
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Accept"] = "application/json" };
        rest.AddHeader("Accept", "application/json");
        var credentials = request.Anonymous ? null : request.As ?? Options.Credentials;
        if (request.RawAuthorization is not null)
        {
            rest.AddHeader("Authorization", request.RawAuthorization);
            headers["Authorization"] = request.RawAuthorization;
        }
        else if (credentials is not null)
        {
            rest.AddHeader("Authorization", credentials.BasicHeaderValue());
            headers["Authorization"] = $"Basic <{credentials.User}:***>";
        }
        if (request.Body is not null)
        {
            rest.AddStringBody(request.Body, "application/json");
            // WireHandler puts exactly this value on the wire (odd values too); without it the body goes with no Content-Type.
            if (!request.OmitContentType)
            {
                var contentType = request.ContentType ?? "application/json";
                rest.AddHeader(WireHandler.ContentTypeHeader, contentType);
                headers["Content-Type"] = contentType;
            }
        }

        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        RestResponse? response = null;
        Exception? failure = null;
        try
        {
            response = await _rest.ExecuteAsync(rest, cts.Token);
        }
        catch (Exception e)
        {
            failure = e;
        }
        clock.Stop();
        ct.ThrowIfCancellationRequested();

        var exchange = new Exchange
        {
            Sequence = Log.NextSequence(),
            Method = request.Method,
            Url = url,
            PathAndQuery = request.PathAndQuery,
            RequestHeaders = headers,
            RequestBody = request.Body,
            User = request.RawAuthorization is not null ? "(raw)" : credentials?.User,
            Negative = request.Negative,
            Started = started,
            Duration = clock.Elapsed,
        };
        var error = failure ?? (response?.ResponseStatus == ResponseStatus.Completed ? null : response?.ErrorException);
        exchange = Complete(exchange, response, error, cts.IsCancellationRequested, timeout);
        Log.Add(exchange);
        return exchange;
    }

    private static Exchange Complete(Exchange exchange, RestResponse? response, Exception? error, bool timedOut, TimeSpan timeout)
    {
        if (timedOut || response?.ResponseStatus == ResponseStatus.TimedOut)
            return exchange with { TransportError = $"no complete response within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (time-out)" };
        if (response is null || response.ResponseStatus != ResponseStatus.Completed || error is not null)
            return exchange with { TransportError = Describe(error) ?? $"request failed ({response?.ResponseStatus})" };

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in response.Headers ?? []) headers[h.Name] = h.Value;
        foreach (var h in response.ContentHeaders ?? []) headers[h.Name] = h.Value;
        var body = response.RawBytes is { } raw ? System.Text.Encoding.UTF8.GetString(raw) : "";
        return exchange with
        {
            Status = (int)response.StatusCode,
            ResponseHeaders = headers,
            ContentType = headers.GetValueOrDefault("Content-Type"),
            ResponseBody = body,
        };
    }

    /// <summary>One line that says what went wrong on the wire, from the innermost useful exception.</summary>
    private static string? Describe(Exception? error)
    {
        if (error is null) return null;
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is System.Net.Sockets.SocketException
                {
                    SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused or System.Net.Sockets.SocketError.HostNotFound
                    or System.Net.Sockets.SocketError.NetworkUnreachable or System.Net.Sockets.SocketError.HostUnreachable or System.Net.Sockets.SocketError.TryAgain
                } se)
                return $"{CannotConnect}: {se.Message}";
            if (e is ResponseTooLargeException) return e.Message;
            if (e is OperationCanceledException or TimeoutException) return "no complete response (time-out)";
            messages.Add(e.Message);
        }
        var text = string.Join(": ", messages.Distinct());
        if (text.Contains("buffer size", StringComparison.OrdinalIgnoreCase))
            return "response body larger than the client accepts (declared or sent): " + text;
        if (text.Contains("ended prematurely", StringComparison.OrdinalIgnoreCase))
            return "connection closed before the response was complete (short body or reset): " + text;
        if (text.Contains("reset", StringComparison.OrdinalIgnoreCase) || text.Contains("forcibly closed", StringComparison.OrdinalIgnoreCase))
            return "connection reset: " + text;
        if (text.Contains("invalid", StringComparison.OrdinalIgnoreCase))
            return "not a valid HTTP response: " + text;
        return text;
    }

    private static Method ToMethod(string method) => method.ToUpperInvariant() switch
    {
        "GET" => Method.Get,
        "PUT" => Method.Put,
        "POST" => Method.Post,
        "DELETE" => Method.Delete,
        "HEAD" => Method.Head,
        "PATCH" => Method.Patch,
        "OPTIONS" => Method.Options,
        _ => throw new ArgumentException($"unsupported method {method}", nameof(method)),
    };

    public void Dispose() => _rest.Dispose();
}
