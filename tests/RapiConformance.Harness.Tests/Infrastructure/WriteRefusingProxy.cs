using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace RapiConformance.Harness.Tests;

/// <summary>
/// A forwarding proxy in front of a server that refuses (and records) every request that is not a GET, so a
/// read-only run can be proven never to write: the target never even sees such a request.
/// </summary>
public sealed class WriteRefusingProxy : IAsyncDisposable
{
    private readonly EchoServer _server;
    private readonly HttpClient _http;

    private WriteRefusingProxy(EchoServer server, HttpClient http, ConcurrentQueue<string> refused, ConcurrentQueue<string> forwarded)
    {
        _server = server;
        _http = http;
        Refused = refused;
        Forwarded = forwarded;
    }

    public Uri BaseUri => _server.BaseUri;
    public ConcurrentQueue<string> Refused { get; }
    public ConcurrentQueue<string> Forwarded { get; }

    public static async Task<WriteRefusingProxy> StartAsync(Uri target)
    {
        var http = new HttpClient { BaseAddress = target, Timeout = TimeSpan.FromSeconds(30) };
        var refused = new ConcurrentQueue<string>();
        var forwarded = new ConcurrentQueue<string>();
        var server = await EchoServer.StartAsync(async ctx =>
        {
            var line = $"{ctx.Request.Method} {ctx.Request.Path}{ctx.Request.QueryString}";
            if (!HttpMethods.IsGet(ctx.Request.Method))
            {
                refused.Enqueue(line);
                ctx.Response.StatusCode = 599;
                await ctx.Response.WriteAsync("write refused by the test proxy");
                return;
            }
            forwarded.Enqueue(line);
            using var request = new HttpRequestMessage(HttpMethod.Get, ctx.Request.Path + ctx.Request.QueryString);
            foreach (var h in ctx.Request.Headers.Where(h => h.Key is "Authorization" or "Accept"))
                request.Headers.TryAddWithoutValidation(h.Key, h.Value.ToArray());
            using var body = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(body);
            if (body.Length > 0)
            {
                request.Content = new ByteArrayContent(body.ToArray());
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ctx.Request.ContentType);
            }
            using var response = await http.SendAsync(request);
            ctx.Response.StatusCode = (int)response.StatusCode;
            foreach (var h in response.Headers.Concat(response.Content.Headers).Where(h => h.Key is "Content-Type" or "WWW-Authenticate"))
                ctx.Response.Headers[h.Key] = h.Value.ToArray();
            await response.Content.CopyToAsync(ctx.Response.Body);
        });
        return new WriteRefusingProxy(server, http, refused, forwarded);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }
}
