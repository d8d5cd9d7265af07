using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using RapiConformance.Client;
using Xunit;

namespace RapiConformance.Harness.Tests;

public sealed class RapiClientTransportTests
{
    private static RapiClient ClientFor(Uri uri, double timeoutSeconds = 1, long maxBytes = 1024 * 1024) =>
        new(new RapiClientOptions { BaseUri = uri, RequestTimeout = TimeSpan.FromSeconds(timeoutSeconds), MaxResponseBytes = maxBytes });

    [Theory]
    [InlineData(Misbehaviour.Hang, "time-out")]
    [InlineData(Misbehaviour.Reset, "")]
    [InlineData(Misbehaviour.Garbage, "")]
    [InlineData(Misbehaviour.ShortBody, "")]
    [InlineData(Misbehaviour.HugeBody, "larger than")]
    [InlineData(Misbehaviour.Slow, "time-out")]
    public async Task Misbehaving_server_gives_a_failed_exchange_with_a_reason_within_the_timeout(Misbehaviour mode, string reason)
    {
        await using var server = new MisbehavingServer(mode);
        using var client = ClientFor(server.BaseUri);
        var clock = Stopwatch.StartNew();
        var exchange = await client.SendAsync(RapiRequest.Get("/2/info"));
        clock.Stop();
        Assert.False(exchange.Completed, $"{mode}: {exchange.Summary}");
        Assert.NotNull(exchange.TransportError);
        Assert.Contains(reason, exchange.TransportError, StringComparison.OrdinalIgnoreCase);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{mode} took {clock.Elapsed}");
        Assert.Single(client.Log.Snapshot());
    }

    [Fact]
    public async Task A_write_is_sent_exactly_once_even_when_the_connection_is_reset()
    {
        await using var server = new MisbehavingServer(Misbehaviour.Reset);
        using var client = ClientFor(server.BaseUri);
        var exchange = await client.SendAsync(RapiRequest.Post("/2/instances", "{\"__version__\":1}"));
        Assert.NotNull(exchange.TransportError);
        await Task.Delay(300);
        Assert.Equal(1, server.Connections);
        Assert.Single(server.Requests, r => r.StartsWith("POST /2/instances", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refused_connection_is_reported_as_cannot_connect()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = ClientFor(new Uri($"http://127.0.0.1:{port}/"));
        var exchange = await client.SendAsync(RapiRequest.Get("/"));
        Assert.StartsWith(RapiClient.CannotConnect, exchange.TransportError);
    }

    [Fact]
    public async Task Body_is_sent_with_exactly_the_requested_content_type_also_on_GET_and_credentials_are_basic()
    {
        var seen = new List<(string Method, string? ContentType, string Body, string? Auth, string? Connection)>();
        await using var server = await EchoServer.StartAsync(async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            lock (seen) seen.Add((http.Request.Method, http.Request.ContentType, body, http.Request.Headers.Authorization.ToString(), http.Request.Headers.Connection.ToString()));
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("null");
        });
        using var client = new RapiClient(new RapiClientOptions { BaseUri = server.BaseUri, Credentials = new Credentials("writer", "s3cret") });
        var wait = await new JobWaiter(client).WaitForChangeAsync(7, ["status"], null, default);
        var put = await client.SendAsync(RapiRequest.Put("/2/tags?tag=a&tag=b", "[]") with { ContentType = "text/plain" });
        var anon = await client.SendAsync(RapiRequest.Get("/2/info") with { Anonymous = true });
        Assert.Equal(200, wait.Status);
        Assert.Equal(("GET", "application/json"), (seen[0].Method, seen[0].ContentType));
        Assert.Contains("\"fields\":[\"status\"]", seen[0].Body, StringComparison.Ordinal);
        Assert.Equal("Basic " + Convert.ToBase64String("writer:s3cret"u8.ToArray()), seen[0].Auth);
        Assert.Equal("close", seen[0].Connection, ignoreCase: true);
        Assert.Equal("text/plain", seen[1].ContentType);
        Assert.Equal("", seen[2].Auth);
        Assert.DoesNotContain("s3cret", string.Join(" ", put.RequestHeaders.Values), StringComparison.Ordinal);
        Assert.Equal("writer", put.User);
    }

    [Fact]
    public async Task Keep_alive_shares_connections_and_bodies_go_with_exactly_the_asked_content_type_or_none()
    {
        var seen = new List<(string Connection, string? ContentType, bool HasContentType, string Body)>();
        await using var server = await EchoServer.StartAsync(async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            lock (seen) seen.Add((http.Connection.Id, http.Request.ContentType, http.Request.Headers.ContainsKey("Content-Type"), body));
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("null");
        });
        var log = new ExchangeLog(retain: false);
        using var client = new RapiClient(new RapiClientOptions { BaseUri = server.BaseUri, KeepAlive = true }, log);
        for (var i = 0; i < 4; i++) await client.SendAsync(RapiRequest.Get("/2/info"));
        var none = await client.SendAsync(RapiRequest.Put("/2/tags", "{") with { OmitContentType = true });
        var odd = await client.SendAsync(RapiRequest.Put("/2/tags", "[]") with { ContentType = "APPLICATION/JSONX" });
        Assert.Single(seen.Select(s => s.Connection).Distinct());
        Assert.False(seen[4].HasContentType, $"Content-Type '{seen[4].ContentType}' was sent");
        Assert.Equal("{", seen[4].Body);
        Assert.False(none.RequestHeaders.ContainsKey("Content-Type"));
        Assert.Equal("APPLICATION/JSONX", seen[5].ContentType);
        Assert.Equal(200, odd.Status);
        Assert.Equal(6, log.Count);
        Assert.Empty(log.Snapshot());
    }

    [Fact]
    public async Task Without_keep_alive_every_exchange_has_its_own_connection()
    {
        var connections = new List<string>();
        await using var server = await EchoServer.StartAsync(http =>
        {
            lock (connections) connections.Add(http.Connection.Id);
            return http.Response.WriteAsync("null");
        });
        using var client = new RapiClient(new RapiClientOptions { BaseUri = server.BaseUri });
        for (var i = 0; i < 3; i++) await client.SendAsync(RapiRequest.Get("/2/info"));
        Assert.Equal(3, connections.Distinct().Count());
        Assert.Equal(3, client.Log.Snapshot().Count);
    }

    [Fact]
    public async Task Job_waiter_follows_a_job_to_its_end_and_records_the_statuses()
    {
        var polls = 0;
        await using var server = await EchoServer.StartAsync(async http =>
        {
            var n = Interlocked.Increment(ref polls);
            var status = n switch { 1 => "queued", 2 => "running", _ => "success" };
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync($"{{\"id\":5,\"status\":\"{status}\",\"ops\":[],\"opstatus\":[],\"opresult\":[]}}");
        });
        using var client = new RapiClient(new RapiClientOptions { BaseUri = server.BaseUri });
        var outcome = await new JobWaiter(client).WaitAsync(5, TimeSpan.FromSeconds(10), default);
        Assert.True(outcome.Succeeded, outcome.Describe());
        Assert.Equal(["queued", "running", "success"], outcome.ObservedStatuses);
    }

    [Fact]
    public async Task Rate_limit_spaces_requests()
    {
        await using var server = await EchoServer.StartAsync(http => http.Response.WriteAsync("null"));
        using var client = new RapiClient(new RapiClientOptions { BaseUri = server.BaseUri, RatePerSecond = 10 });
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 6; i++) await client.SendAsync(RapiRequest.Get("/"));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(450), $"6 requests at 10/s took {clock.Elapsed}");
    }
}
