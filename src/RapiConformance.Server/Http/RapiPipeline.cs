using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RapiConformance.Server.Faults;

namespace RapiConformance.Server.Http;

/// <summary>
/// Every request, in Ganeti's order: route (404) → method (501) → authentication (401/403) → body
/// (415/400) → query bools (400) → handler. Any other failure is answered 500 with the error body, never a crash.
/// </summary>
public sealed class RapiPipeline(RapiServices services, HandlerRegistry handlers)
{
    public const string ServerHeader = "Ganeti 3.0.2";

    public async Task HandleAsync(HttpContext context)
    {
        var faults = services.Faults;
        var response = context.Response;
        response.Headers.Server = ServerHeader;
        var ct = context.RequestAborted;
        if (context.Request.Path.Value is { } refused && refused.StartsWith(RequestTargetFilter.RefusalPrefix, StringComparison.Ordinal))
        {
            // A head the connection filter refused (see RequestTargetFilter.Refusal): Ganeti's error body, then close.
            response.Headers.Connection = "close";
            var status = int.Parse(refused[RequestTargetFilter.RefusalPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
            await ErrorBody.WriteAsync(response, status, context.Request.Query["m"].ToString(), true, false, ct).ConfigureAwait(false);
            return;
        }
        try
        {
            if (faults.Has(FaultIds.SlowResponse)) await Task.Delay(1500, ct).ConfigureAwait(false);
            var result = await ProcessAsync(context).ConfigureAwait(false);
            response.StatusCode = 200;
            response.ContentType = faults.Has(FaultIds.WrongContentType) ? "text/plain" : "application/json";
            if (faults.Any) result = ApplyResponseFaults(context, result);
            await result.WriteAsync(response, ct).ConfigureAwait(false);
        }
        catch (RapiException e) when (!response.HasStarted)
        {
            var status = e.Status;
            if (status == 501 && faults.Has(FaultIds.Error405)) status = 405;
            await ErrorBody.WriteAsync(response, status, e.HandlerMessage, !faults.Has(FaultIds.UnescapedErrorMessage),
                !faults.Has(FaultIds.NoWwwAuthenticate), ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (BadHttpRequestException e) when (!response.HasStarted)
        {
            // Kestrel found the request itself broken while the body was read (bad chunk framing, a body slower
            // than the minimum data rate, ...): the client's fault, so its 4xx with Ganeti's error body, and the
            // connection closes (its framing can no longer be trusted).
            response.Headers.Connection = "close";
            var status = e.StatusCode is >= 400 and < 500 ? e.StatusCode : 400;
            await ErrorBody.WriteAsync(response, status, e.Message, true, true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (!response.HasStarted)
        {
            await ErrorBody.WriteAsync(response, 500, e.Message, true, true, ct).ConfigureAwait(false);
        }
    }

    private async Task<RapiResult> ProcessAsync(HttpContext context)
    {
        var request = context.Request;
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var q = raw.IndexOf('?', StringComparison.Ordinal);
        var path = q >= 0 ? raw[..q] : raw;
        var query = q >= 0 ? raw[(q + 1)..] : "";

        if (services.Faults.Has(FaultIds.NonAsciiName500) && Uri.UnescapeDataString(path).Any(c => c > 127))
            throw new RapiException(500, "'ascii' codec can't decode byte in position 0: ordinal not in range(128)");

        var match = services.Catalog.Match(request.Method, path, services.Profile);
        if (!match.ResourceFound) throw new RapiException(404);
        var op = match.Operation ?? throw new RapiException(501, $"Method {request.Method} is unsupported for path {path}");

        var access = op.Access;
        if (access == Spec.Access.Write && services.Faults.Has(FaultIds.ReadOnlyCanWrite)) access = Spec.Access.ReadAuthenticated;
        var user = services.Authenticator.Authorize(access, request.Headers.Authorization.ToString());

        var (body, hasBody) = await ReadBodyAsync(context).ConfigureAwait(false);
        var parsedQuery = QueryString.Parse(query);
        foreach (var p in op.QueryParameters)
            if (p.IsRapiBool && parsedQuery.TryGetValue(p.Name, out var values)) QueryString.ParseRapiBool(p.Name, values[0]);

        var handler = handlers.Find(op.Id) ?? throw new RapiException(501, $"Method {request.Method} is unsupported for path {path}");
        return await handler(new RapiRequest
        {
            Operation = op,
            Path = path,
            PathValues = match.PathValues,
            Query = parsedQuery,
            Body = body,
            HasBody = hasBody,
            User = user,
            Http = context,
        }).ConfigureAwait(false);
    }

    /// <summary>Invalid UTF-8 in a body is refused (400), as Ganeti refuses it, not stored as U+FFFD.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private async Task<(JsonNode? Body, bool HasBody)> ReadBodyAsync(HttpContext context)
    {
        var request = context.Request;
        var limit = services.Options.MaxBodyBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        long total = 0;
        int n;
        // Over the limit the rest is read and dropped (up to a hard cap), so the client gets its 413 cleanly.
        while ((n = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            total += n;
            if (total <= limit) buffer.Write(chunk, 0, n);
            else if (total > limit * 16) break;
        }
        if (total > limit) throw new RapiException(413, $"Request body larger than {limit} bytes");
        if (buffer.Length == 0) return (null, false);
        var contentType = request.ContentType ?? "application/octet-stream";
        if (!contentType.Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase)) throw new RapiException(415);
        try
        {
            var text = StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            if (string.IsNullOrWhiteSpace(text)) return (null, false);
            var parsed = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = ServerLimits.MaxBodyDepth });
            if (ServerLimits.OversizedString(parsed) is { } length)
                throw RapiException.BadRequest($"Invalid body: a string of {length} characters (at most {ServerLimits.MaxStringLength})");
            return (parsed, true);
        }
        catch (JsonException e) when (e.Message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            if (services.Faults.Has(FaultIds.InvalidInputAccepted)) return (null, false);
            throw RapiException.BadRequest($"Unable to parse JSON data: nested deeper than {ServerLimits.MaxBodyDepth} levels");
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException or ArgumentException)
        {
            if (services.Faults.Has(FaultIds.InvalidInputAccepted)) return (null, false);
            throw RapiException.BadRequest("Unable to parse JSON data");
        }
    }

    private RapiResult ApplyResponseFaults(HttpContext context, RapiResult result)
    {
        var faults = services.Faults;
        if (faults.Has(FaultIds.TruncatedBody) && context.Request.Query.ContainsKey("bulk"))
        {
            var bytes = result.ToBytes();
            return RapiResult.Raw(bytes[..Math.Max(1, bytes.Length / 2)]);
        }
        if (faults.Has(FaultIds.WrongStatus) && context.Request.Method != "GET") context.Response.StatusCode = 202;
        return result;
    }
}
