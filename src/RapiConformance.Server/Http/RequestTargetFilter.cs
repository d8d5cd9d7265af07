using System.Buffers;
using System.Buffers.Text;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;

namespace RapiConformance.Server.Http;

/// <summary>
/// Connection middleware in front of Kestrel's HTTP/1.1 parser (after TLS, so it sees plain text): in the path of
/// each request-target, "%00" becomes "%2500". Kestrel refuses a path that decodes to a NUL with an empty 400 before
/// any application code runs; Ganeti answers such a path like any other that matches no resource (404 with the
/// error body), and so does the pipeline for "%2500" (a '%' never matches a route). Everything else is passed on
/// unchanged: the filter follows the HTTP/1.1 framing (request head, Content-Length or chunked body) so that bytes
/// inside a body are never touched, and once the framing is something it does not follow (a malformed head, a
/// transfer coding other than chunked, a line ending in a bare LF) it forwards the rest of the connection as it is
/// and lets Kestrel answer.
/// </summary>
public sealed class RequestTargetFilter
{
    /// <summary>Longest request head it looks at; a longer one ends the connection.</summary>
    private const int MaxHead = 64 * 1024;

    /// <summary>Longest request line (Ganeti's START_LINE_LENGTH_MAX, and Kestrel's MaxRequestLineSize here).</summary>
    public const int MaxRequestLine = 8192;

    /// <summary>Largest header section (Kestrel's MaxRequestHeadersTotalSize here; Ganeti's is 4096).</summary>
    public const int MaxHeaders = 16384;

    /// <summary>
    /// A path prefix only this process knows: a head the filter refuses is replaced by a request for it, which
    /// the pipeline answers with Ganeti's error body (status and message in the path and query) and closes.
    /// Kestrel answers these heads itself with an empty body; Ganeti answers JSON.
    /// </summary>
    public static readonly string RefusalPrefix = "/rapi-conformance-refused-" + Guid.NewGuid().ToString("N") + "/";


    private enum State { Head, Body, ChunkLine, Trailer, Passthrough, Closed }

    private readonly PipeReader _inner;
    private readonly Pipe _pipe;
    private State _state = State.Head;
    private State _afterBody = State.Head;
    private long _remaining;

    /// <summary>How long a partial request head may take (Kestrel's RequestHeadersTimeout).</summary>
    private readonly TimeSpan _headTimeout;

    private RequestTargetFilter(PipeReader inner, MemoryPool<byte>? pool, TimeSpan headTimeout)
    {
        _headTimeout = headTimeout;
        _inner = inner;
        _pipe = new Pipe(new PipeOptions(pool: pool, useSynchronizationContext: false));
    }

    /// <summary>For <c>ListenOptions.Use</c>.</summary>
    public static ConnectionDelegate Middleware(ConnectionDelegate next) => Middleware(next, TimeSpan.FromSeconds(30));

    /// <summary>For <c>ListenOptions.Use</c>, with the header time-out Kestrel was given.</summary>
    public static ConnectionDelegate Middleware(ConnectionDelegate next, TimeSpan headTimeout) => async context =>
    {
        var transport = context.Transport;
        var filter = new RequestTargetFilter(transport.Input, context.Features.Get<IMemoryPoolFeature>()?.MemoryPool, headTimeout);
        var pump = filter.PumpAsync();
        context.Transport = new Duplex(filter._pipe.Reader, transport.Output);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Transport = transport;
            await filter._pipe.Reader.CompleteAsync().ConfigureAwait(false);
            transport.Input.CancelPendingRead();
            await pump.ConfigureAwait(false);
        }
    };

    /// <summary>Runs the filter over a byte stream given in pieces (for tests of the framing without a socket).</summary>
    public static async Task<byte[]> RewriteAsync(IEnumerable<byte[]> chunks)
    {
        var input = new Pipe();
        var filter = new RequestTargetFilter(input.Reader, null, TimeSpan.FromSeconds(30));
        var pump = filter.PumpAsync();
        var output = new MemoryStream();
        var copy = filter._pipe.Reader.CopyToAsync(output);
        foreach (var chunk in chunks)
        {
            await input.Writer.WriteAsync(chunk).ConfigureAwait(false);
        }
        await input.Writer.CompleteAsync().ConfigureAwait(false);
        await pump.ConfigureAwait(false);
        await copy.ConfigureAwait(false);
        return output.ToArray();
    }

    private async Task PumpAsync()
    {
        var writer = _pipe.Writer;
        Exception? error = null;
        try
        {
            var partialSince = 0L;
            while (true)
            {
                ReadResult read;
                if (partialSince != 0)
                {
                    // A request head is under way: Kestrel sees none of it yet, so its header time-out does not
                    // run; this one does, from the head's first byte, and ends the connection as Kestrel would.
                    var left = _headTimeout - System.Diagnostics.Stopwatch.GetElapsedTime(partialSince);
                    using var timeout = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero);
                    try
                    {
                        read = await _inner.ReadAsync(timeout.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (timeout.IsCancellationRequested)
                    {
                        break;
                    }
                }
                else
                {
                    read = await _inner.ReadAsync().ConfigureAwait(false);
                }
                if (read.IsCanceled) break;
                var buffer = read.Buffer;
                var consumed = Process(buffer, writer);
                if (_state == State.Closed)
                {
                    _inner.AdvanceTo(buffer.End);
                    await writer.FlushAsync().ConfigureAwait(false);
                    break;
                }
                if (read.IsCompleted)
                {
                    // A request cut short: hand over what is left and let Kestrel answer it.
                    foreach (var segment in buffer.Slice(consumed)) writer.Write(segment.Span);
                    _inner.AdvanceTo(buffer.End);
                    await writer.FlushAsync().ConfigureAwait(false);
                    break;
                }
                _inner.AdvanceTo(consumed, buffer.End);
                var pending = _state == State.Head && !buffer.Slice(consumed).IsEmpty;
                if (!pending) partialSince = 0;
                else if (partialSince == 0) partialSince = System.Diagnostics.Stopwatch.GetTimestamp();
                var flush = await writer.FlushAsync().ConfigureAwait(false);
                if (flush.IsCompleted) break;
            }
        }
        catch (Exception e)
        {
            error = e;
        }
        await writer.CompleteAsync(error).ConfigureAwait(false);
    }

    /// <summary>Forwards every complete unit of the buffer; returns where the unforwarded rest starts.</summary>
    private SequencePosition Process(ReadOnlySequence<byte> buffer, PipeWriter w)
    {
        while (!buffer.IsEmpty)
        {
            switch (_state)
            {
                case State.Passthrough:
                    Copy(buffer, w);
                    return buffer.End;
                case State.Closed:
                    return buffer.End;
                case State.Body:
                {
                    var take = Math.Min(_remaining, buffer.Length);
                    Copy(buffer.Slice(0, take), w);
                    buffer = buffer.Slice(take);
                    _remaining -= take;
                    if (_remaining == 0) _state = _afterBody;
                    break;
                }
                case State.Head:
                {
                    var end = HeadEnd(buffer);
                    if (end is not { } e)
                    {
                        // Too long a head, or a request line too long already: Ganeti drops such a connection.
                        if (buffer.Length > MaxHead || RequestLineTooLong(buffer)) _state = State.Closed;
                        else return buffer.Start;
                        break;
                    }
                    var head = buffer.Slice(0, e);
                    WriteHead(head.IsSingleSegment ? head.FirstSpan : head.ToArray(), w);
                    buffer = buffer.Slice(e);
                    break;
                }
                case State.ChunkLine or State.Trailer:
                {
                    var lf = buffer.PositionOf((byte)'\n');
                    if (lf is not { } p)
                    {
                        if (buffer.Length > 4096) _state = State.Passthrough;
                        else return buffer.Start;
                        break;
                    }
                    var line = buffer.Slice(0, buffer.GetPosition(1, p));
                    Copy(line, w);
                    var text = line.IsSingleSegment ? line.FirstSpan : line.ToArray();
                    buffer = buffer.Slice(line.End);
                    if (_state == State.Trailer)
                    {
                        if (text.TrimEnd("\r\n"u8).IsEmpty) _state = State.Head;
                    }
                    else ChunkSize(text);
                    break;
                }
            }
        }
        return buffer.End;
    }

    /// <summary>A chunk-size line: "hex[;extensions]\r\n". Size 0 starts the trailer section.</summary>
    private void ChunkSize(ReadOnlySpan<byte> line)
    {
        var semi = line.IndexOf((byte)';');
        var hex = (semi >= 0 ? line[..semi] : line).Trim("\r\n \t"u8);
        if (hex.IsEmpty || hex.Length > 15 || !Utf8Parser.TryParse(hex, out long size, out var used, 'x') || used != hex.Length)
        {
            _state = State.Passthrough;
            return;
        }
        if (size == 0)
        {
            _state = State.Trailer;
            return;
        }
        _remaining = size + 2;
        _state = State.Body;
        _afterBody = State.ChunkLine;
    }

    /// <summary>
    /// The position just after the empty line that ends a request head, if the buffer holds it. Lines may end in
    /// CRLF or a bare LF, as Kestrel reads them, so both find the same end (a head whose lines end in bare LF is
    /// then forwarded untouched, see <see cref="WriteHead"/>).
    /// </summary>
    private static SequencePosition? HeadEnd(ReadOnlySequence<byte> buffer)
    {
        var span = buffer.IsSingleSegment ? buffer.FirstSpan : buffer.Slice(0, Math.Min(buffer.Length, MaxHead + 4)).ToArray();
        var from = 0;
        while (true)
        {
            var lf = span[from..].IndexOf((byte)'\n');
            if (lf < 0) return null;
            var i = from + lf;
            if (i + 1 < span.Length && span[i + 1] == '\n') return buffer.GetPosition(i + 2);
            if (i + 2 < span.Length && span[i + 1] == '\r' && span[i + 2] == '\n') return buffer.GetPosition(i + 3);
            if (i + 2 >= span.Length) return null; // the next line has not arrived yet
            from = i + 1;
        }
    }

    private static bool RequestLineTooLong(ReadOnlySequence<byte> buffer)
    {
        var lf = buffer.PositionOf((byte)'\n');
        return lf is { } p ? buffer.Slice(0, p).Length > MaxRequestLine + 1 : buffer.Length > MaxRequestLine + 1;
    }

    /// <summary>
    /// What Ganeti 3.0.2 does with a head it refuses (asked live): a request line longer than 8192 or headers past
    /// the limit drop the connection (status 0); a line that is not "METHOD TARGET HTTP/x.y" is 400 "Bad request
    /// syntax ('…')"; a version other than 1.0/1.1 is 505 "Invalid HTTP Version (2.0)"; HTTP/1.1 without Host is
    /// 400 "Missing Host header" (Ganeti's message; the live 3.0.2 waited instead of answering).
    /// </summary>
    private static (int Status, string Message)? Refusal(ReadOnlySpan<byte> requestLine, ReadOnlySpan<byte> headers)
    {
        if (requestLine.Length > MaxRequestLine || headers.Length > MaxHeaders) return (0, "");
        var text = Encoding.Latin1.GetString(requestLine);
        var parts = text.Split(' ');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || !parts[0].All(c => c is >= 'A' and <= 'Z' || c == '-')
            || !parts[2].StartsWith("HTTP/", StringComparison.Ordinal))
            return (400, $"Bad request syntax ({PythonHttp.Repr(text)})");
        var version = parts[2][5..];
        var dot = version.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !version[..dot].All(char.IsAsciiDigit) || !version[(dot + 1)..].All(char.IsAsciiDigit) || dot == version.Length - 1)
            return (400, $"Bad request version ({PythonHttp.Repr(parts[2])})");
        if (version is not ("1.0" or "1.1")) return (505, $"Invalid HTTP Version ({version})");
        if (version == "1.1")
        {
            var hasHost = false;
            foreach (var line in Encoding.Latin1.GetString(headers).Split("\r\n"))
                if (line.StartsWith("host:", StringComparison.OrdinalIgnoreCase)) hasHost = true;
            if (!hasHost) return (400, "Missing Host header");
        }
        return null;
    }

    /// <summary>Whether a head has a line ending in LF without CR before it.</summary>
    private static bool HasBareLf(ReadOnlySpan<byte> head)
    {
        for (var i = head.IndexOf((byte)'\n'); i >= 0; i = head[(i + 1)..].IndexOf((byte)'\n') is var n && n >= 0 ? i + 1 + n : -1)
            if (i == 0 || head[i - 1] != '\r') return true;
        return false;
    }

    /// <summary>Writes a request head, rewriting NULs of its path, and sets up how its body is framed.</summary>
    private void WriteHead(ReadOnlySpan<byte> head, PipeWriter w)
    {
        if (HasBareLf(head))
        {
            // Kestrel takes a bare LF as a line end; rather than follow a second reading of the framing, the
            // filter steps aside for the rest of the connection and Kestrel alone frames (and answers) it.
            w.Write(head);
            _state = State.Passthrough;
            return;
        }
        // Empty lines before a request line are allowed (RFC 9112 §2.2).
        var lead = 0;
        while (head[lead..].StartsWith("\r\n"u8) && lead + 4 < head.Length) lead += 2;
        w.Write(head[..lead]);
        head = head[lead..];
        var lineEnd = head.IndexOf("\r\n"u8);
        var requestLine = head[..lineEnd];
        if (Refusal(requestLine, head[(lineEnd + 2)..]) is { } refusal)
        {
            if (refusal.Status == 0)
            {
                _state = State.Closed;
                return;
            }
            // The rest of the connection cannot be framed: the synthetic request is its last.
            var target = RefusalPrefix + refusal.Status + "?m=" + Uri.EscapeDataString(refusal.Message);
            w.Write(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: refused\r\nConnection: close\r\n\r\n"));
            _state = State.Closed;
            return;
        }
        var sp1 = requestLine.IndexOf((byte)' ');
        var sp2 = sp1 < 0 ? -1 : requestLine[(sp1 + 1)..].IndexOf((byte)' ');
        var pathStart = sp1 + 1;
        var path = sp2 < 0 ? default : requestLine.Slice(pathStart, sp2);
        var q = path.IndexOf((byte)'?');
        if (q >= 0) path = path[..q];
        if (path.IndexOf("%00"u8) >= 0)
        {
            w.Write(head[..pathStart]);
            var rest = path;
            int at;
            while ((at = rest.IndexOf("%00"u8)) >= 0)
            {
                w.Write(rest[..at]);
                w.Write("%2500"u8);
                rest = rest[(at + 3)..];
            }
            w.Write(rest);
            w.Write(head[(pathStart + path.Length)..]);
        }
        else
        {
            w.Write(head);
        }
        Frame(head[(lineEnd + 2)..]);
    }

    /// <summary>Reads Content-Length and Transfer-Encoding from the header lines.</summary>
    private void Frame(ReadOnlySpan<byte> headers)
    {
        long? length = null;
        var chunked = false;
        var otherCoding = false;
        while (!headers.IsEmpty)
        {
            var eol = headers.IndexOf("\r\n"u8);
            var line = eol < 0 ? headers : headers[..eol];
            headers = eol < 0 ? default : headers[(eol + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0) continue;
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out long n, out var used) || used != value.Length || n < 0 || (length is { } l && l != n))
                {
                    _state = State.Passthrough;
                    return;
                }
                length = n;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                var last = value.LastIndexOf((byte)',');
                var coding = (last >= 0 ? value[(last + 1)..] : value).Trim(" \t"u8);
                if (Ascii.EqualsIgnoreCase(coding, "chunked"u8)) chunked = true; else otherCoding = true;
            }
        }
        if (otherCoding)
        {
            _state = State.Passthrough;
        }
        else if (chunked)
        {
            _state = State.ChunkLine;
        }
        else if (length is > 0)
        {
            _remaining = length.Value;
            _state = State.Body;
            _afterBody = State.Head;
        }
        else
        {
            _state = State.Head;
        }
    }

    private static void Copy(ReadOnlySequence<byte> data, PipeWriter w)
    {
        foreach (var segment in data) w.Write(segment.Span);
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
