using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using RapiConformance.Server.Http;

namespace RapiConformance.Server.Tests;

/// <summary>
/// "%00" in a request path gets Ganeti's 404 error body (Kestrel alone answers an empty 400), on keep-alive
/// connections, over TLS and plain HTTP, while "%00" inside bodies and queries reaches the server unchanged.
/// </summary>
public sealed class RequestTargetTests
{
    private const string Auth = "Authorization: Basic YWRtaW46YWRtaW5wdw==\r\n"; // admin:adminpw

    private static readonly string NotFound = """{"code": 404, "message": "Not Found", "explain": "Nothing matches the given URI"}""";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Nul_paths_answer_404_on_a_keep_alive_connection(bool tls)
    {
        await using var f = await ServerFixture.StartAsync(o => o with { UseTls = tls });
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", f.Server.BaseUri.Port);
        Stream stream = client.GetStream();
        if (tls)
        {
            var ssl = new SslStream(stream, false, (_, _, _, _) => true);
            await ssl.AuthenticateAsClientAsync("localhost");
            stream = ssl;
        }
        await using var _ = stream;
        var groupBody = """{"group_name":"g%00x"}""";
        var chunkedBody = """{"group_name":"c%00y"}""";
        var requests =
            "GET /2/instances/a%00b HTTP/1.1\r\nHost: x\r\n\r\n" +
            // A body that looks like a request with %00 in its path: passed on untouched.
            $"POST /2/inst%00ances HTTP/1.1\r\nHost: x\r\n{Auth}Content-Type: application/json\r\nContent-Length: 30\r\n\r\n" +
            "GET /%00 HTTP/1.1\r\nHost: x\r\n\r\n" +
            $"POST /2/groups HTTP/1.1\r\nHost: x\r\n{Auth}Content-Type: application/json\r\nContent-Length: {groupBody.Length}\r\n\r\n{groupBody}" +
            $"POST /2/groups HTTP/1.1\r\nHost: x\r\n{Auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
            $"{5:x}\r\n{chunkedBody[..5]}\r\n{chunkedBody.Length - 5:x};ext=1\r\n{chunkedBody[5..]}\r\n0\r\n\r\n" +
            "GET /2/nodes/%00x/role?%00 HTTP/1.1\r\nHost: x\r\n\r\n" +
            "GET /2/info HTTP/1.1\r\nHost: x\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(requests));
        await stream.FlushAsync();
        var reader = new ResponseReader(stream);

        var r1 = await reader.ReadAsync();
        Assert.Equal((404, "application/json"), (r1.Status, r1.ContentType));
        AssertJson(NotFound, r1.Body);
        AssertJson(NotFound, (await reader.ReadAsync()).Body);
        var groupJob = await reader.ReadAsync();
        Assert.True(groupJob.Status == 200, groupJob.Body);
        var chunkedJob = await reader.ReadAsync();
        Assert.Equal(200, chunkedJob.Status);
        var r5 = await reader.ReadAsync();
        Assert.Equal(404, r5.Status);
        AssertJson(NotFound, r5.Body);
        var info = await reader.ReadAsync();
        Assert.Equal(200, info.Status);
        Assert.Contains("\"name\"", info.Body, StringComparison.Ordinal);

        // The job records the opcode as the body gave it (the fixture's HttpClient does not trust the TLS certificate).
        var jobs = f.Server.Services.Jobs;
        Assert.Equal("g%00x", jobs.Find(long.Parse(groupJob.Body, System.Globalization.CultureInfo.InvariantCulture))!.Ops[0]["group_name"]!.ToString());
        Assert.Equal("c%00y", jobs.Find(long.Parse(chunkedJob.Body, System.Globalization.CultureInfo.InvariantCulture))!.Ops[0]["group_name"]!.ToString());
    }

    [Fact]
    public async Task HttpClient_sees_404_for_nul_paths_and_the_connection_stays_usable()
    {
        await using var f = await ServerFixture.StartAsync();
        foreach (var path in new[] { "/2/instances/a%00b", "/2/inst%00ances", "/2/nodes/%00x/role", "/%00" })
        {
            var a = await f.GetAsync(path, "reader");
            Assert.Equal(404, a.Status);
            AssertJson(NotFound, a.Body);
            Assert.Equal("Ganeti 3.0.2", a.Server);
        }
        Assert.Equal(200, (await f.GetAsync("/2/instances", "reader")).Status);
        Assert.Empty(f.ValidationErrors);
    }

    [Fact]
    public async Task Bodies_are_never_rewritten_whatever_the_pieces()
    {
        var body = "GET /%00 HTTP/1.1\r\n\r\n%00%00";
        var chunk = "a%00b\r\n\r\n";
        var input =
            $"PUT /a%00b/c%00?q=%00 HTTP/1.1\r\nHost: x\r\ncontent-length: {body.Length}\r\n\r\n{body}" +
            $"\r\nPOST /%00 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n{chunk.Length:X}\r\n{chunk}\r\n0\r\nX-T: %00\r\n\r\n" +
            "GET /%00%00 HTTP/1.1\r\nHost: x\r\n\r\n";
        var expected =
            $"PUT /a%2500b/c%2500?q=%00 HTTP/1.1\r\nHost: x\r\ncontent-length: {body.Length}\r\n\r\n{body}" +
            $"\r\nPOST /%2500 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n{chunk.Length:X}\r\n{chunk}\r\n0\r\nX-T: %00\r\n\r\n" +
            "GET /%2500%2500 HTTP/1.1\r\nHost: x\r\n\r\n";
        var bytes = Encoding.ASCII.GetBytes(input);
        foreach (var size in new[] { 1, 2, 3, 7, 64, bytes.Length })
        {
            var pieces = bytes.Chunk(size).ToList();
            var output = await RequestTargetFilter.RewriteAsync(pieces);
            Assert.Equal(expected, Encoding.ASCII.GetString(output));
        }
        // A transfer coding it does not follow: the rest of the connection is passed on as it is.
        var unknown = "POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\nGET /%00 HTTP/1.1\r\n\r\n";
        Assert.Equal(unknown, Encoding.ASCII.GetString(await RequestTargetFilter.RewriteAsync([Encoding.ASCII.GetBytes(unknown)])));
    }

    [Fact]
    public async Task A_head_with_bare_LF_line_ends_is_forwarded_untouched_whatever_the_pieces()
    {
        // Kestrel takes a bare LF as a line end: the filter must not read this head as running on into the body
        // (which used to rewrite the body's %00 and spill two bytes into the next request).
        const string body = "{\"group_name\": \"smug%00x\" }\r\n\r\n";
        foreach (var input in new[]
        {
            // One bare LF hides the Content-Length line from a reader that splits on CRLF only.
            $"POST /2/groups HTTP/1.1\r\nHost: x\nContent-Length: {body.Length}\r\nContent-Type: application/json\r\n\r\n{body}GET /%00 HTTP/1.1\r\n\r\n",
            $"POST /2/groups HTTP/1.1\nHost: x\nContent-Type: application/json\nContent-Length: {body.Length}\n\n{body}GET /%00 HTTP/1.1\r\n\r\n",
        })
        {
            var bytes = Encoding.ASCII.GetBytes(input);
            foreach (var size in new[] { 1, 2, 5, 64, bytes.Length })
                Assert.Equal(input, Encoding.ASCII.GetString(await RequestTargetFilter.RewriteAsync(bytes.Chunk(size).ToList())));
        }
    }

    [Fact]
    public async Task A_bare_LF_request_stores_its_body_as_sent()
    {
        await using var f = await ServerFixture.StartAsync();
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", f.Server.BaseUri.Port);
        await using var stream = client.GetStream();
        const string body = "{\"group_name\": \"smug%00x\" }\r\n\r\n";
        var request = $"POST /2/groups HTTP/1.1\r\nHost: x\nContent-Length: {body.Length}\r\n{Auth}Content-Type: application/json\r\nConnection: close\r\n\r\n{body}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal);
        var id = long.Parse(answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("success", (await f.WaitForJobAsync(id))["status"]!.ToString());
        var groups = (await f.GetAsync("/2/groups")).Body;
        Assert.Contains("smug%00x", groups, StringComparison.Ordinal);
        Assert.DoesNotContain("smug%2500x", groups, StringComparison.Ordinal);
    }

    /// <summary>Sends raw bytes on a fresh connection and reads until the server closes it.</summary>
    private static async Task<string> RawAsync(ServerFixture f, string request, TimeSpan? wait = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", f.Server.BaseUri.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.Latin1);
        try
        {
            return await reader.ReadToEndAsync().WaitAsync(wait ?? TimeSpan.FromSeconds(10));
        }
        catch (IOException)
        {
            return "<reset>";
        }
    }

    [Theory]
    // Real Ganeti 3.0.2, asked live: 400 {"code": 400, "message": "Bad request syntax (&#x27;HELLO&#x27;)", ...}
    [InlineData("HELLO\r\n\r\n", "400", "Bad request syntax (&#x27;HELLO&#x27;)")]
    // Real Ganeti 3.0.2: 505 {"code": 505, "message": "Invalid HTTP Version (2.0)", "explain": "Cannot fulfill request"}
    [InlineData("GET /2/info HTTP/2.0\r\nHost: x\r\n\r\n", "505", "Invalid HTTP Version (2.0)")]
    [InlineData("GET /2/info HTTP/1.1\r\n\r\n", "400", "Missing Host header")]
    public async Task Heads_Kestrel_would_refuse_with_an_empty_body_get_Ganetis_error_body(string request, string status, string message)
    {
        await using var f = await ServerFixture.StartAsync();
        var answer = await RawAsync(f, request);
        Assert.StartsWith($"HTTP/1.1 {status} ", answer, StringComparison.Ordinal);
        var body = JsonNode.Parse(answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..])!;
        Assert.Equal(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), body["code"]!.GetValue<int>());
        Assert.Equal(message, body["message"]!.ToString());
        Assert.Contains("Connection: close", answer, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    // Real Ganeti 3.0.2 drops both connections without a byte (its START_LINE_LENGTH_MAX is 8192).
    [InlineData(9000, 0)]
    [InlineData(0, 20000)]
    public async Task Oversized_request_lines_and_headers_drop_the_connection_as_Ganeti_does(int line, int header)
    {
        await using var f = await ServerFixture.StartAsync();
        var answer = await RawAsync(f, $"GET /2/{new string('a', line)} HTTP/1.1\r\nHost: x\r\nX-A: {new string('b', header)}\r\n\r\n");
        Assert.True(answer is "" or "<reset>", answer[..Math.Min(200, answer.Length)]);
        // The server is unharmed.
        Assert.Equal(200, (await f.GetAsync("/2/info")).Status);
    }

    [Fact]
    public async Task A_partial_head_held_by_the_filter_times_out_like_Kestrels_header_timeout()
    {
        await using var f = await ServerFixture.StartAsync(o => o with { RequestHeadersTimeout = TimeSpan.FromSeconds(1) });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Never completed: before, the connection stayed open until the 130 s keep-alive time-out.
        var answer = await RawAsync(f, "GET /2/info HTTP/1.1\r\nHost: x\r\nX-Slow: 1", TimeSpan.FromSeconds(20));
        clock.Stop();
        Assert.True(answer is "" or "<reset>" || answer.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), answer);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"closed after {clock.Elapsed}");
    }

    private static void AssertJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), actual);

    private sealed record Response(int Status, string? ContentType, string Body);

    /// <summary>Reads HTTP/1.1 responses with a Content-Length body off a stream, one after the other.</summary>
    private sealed class ResponseReader(Stream stream)
    {
        private readonly List<byte> _buffer = [];

        public async Task<Response> ReadAsync()
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            int end;
            while ((end = IndexOfHeadEnd()) < 0) await FillAsync(cts.Token);
            var head = Encoding.ASCII.GetString(_buffer.GetRange(0, end).ToArray());
            _buffer.RemoveRange(0, end + 4);
            var lines = head.Split("\r\n");
            var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            string? type = null;
            var length = 0;
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var name = line[..colon];
                var value = line[(colon + 1)..].Trim();
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) type = value;
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) length = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            }
            while (_buffer.Count < length) await FillAsync(cts.Token);
            var body = Encoding.UTF8.GetString(_buffer.GetRange(0, length).ToArray());
            _buffer.RemoveRange(0, length);
            return new Response(status, type, body);
        }

        private int IndexOfHeadEnd()
        {
            for (var i = 0; i + 3 < _buffer.Count; i++)
                if (_buffer[i] == '\r' && _buffer[i + 1] == '\n' && _buffer[i + 2] == '\r' && _buffer[i + 3] == '\n') return i;
            return -1;
        }

        private async Task FillAsync(CancellationToken ct)
        {
            var chunk = new byte[8192];
            var n = await stream.ReadAsync(chunk, ct);
            if (n == 0) throw new EndOfStreamException("the server closed the connection");
            _buffer.AddRange(chunk.AsSpan(0, n).ToArray());
        }
    }
}
