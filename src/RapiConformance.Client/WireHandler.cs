namespace RapiConformance.Client;

/// <summary>
/// The last word on what goes over the wire. Unless keep-alive was asked for, it closes every connection
/// after one exchange (as Ganeti does), so the socket stack never silently re-sends a write on a stale
/// pooled connection; it sets the
/// Content-Type exactly as the request asked (no charset added); and it caps the response body.
/// </summary>
internal sealed class WireHandler(HttpMessageHandler inner, long maxResponseBytes, bool keepAlive) : DelegatingHandler(inner)
{
    public const string ContentTypeHeader = "X-RapiConformance-Content-Type";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!keepAlive) request.Headers.ConnectionClose = true;
        string? wanted = null;
        if (request.Headers.TryGetValues(ContentTypeHeader, out var values))
        {
            wanted = values.FirstOrDefault();
            request.Headers.Remove(ContentTypeHeader);
        }
        if (request.Content is not null)
        {
            request.Content.Headers.Remove("Content-Type");
            if (!string.IsNullOrEmpty(wanted)) request.Content.Headers.TryAddWithoutValidation("Content-Type", wanted);
        }
        var response = await base.SendAsync(request, cancellationToken);
        response.Content = new BoundedContent(response.Content, maxResponseBytes);
        return response;
    }

    private sealed class BoundedContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly long _max;

        public BoundedContent(HttpContent inner, long max)
        {
            _inner = inner;
            _max = max;
            foreach (var h in inner.Headers) Headers.TryAddWithoutValidation(h.Key, h.Value);
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        {
            await using var source = await _inner.ReadAsStreamAsync(cancellationToken);
            // Pooled: a fresh 80 KB buffer per answer was most of what the fuzzer allocated per request.
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
            try
            {
                long total = 0;
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > _max) throw new ResponseTooLargeException(_max);
                    await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

/// <summary>The server sent more body than the harness accepts.</summary>
public sealed class ResponseTooLargeException(long limit)
    : IOException($"response body larger than {limit} bytes");
