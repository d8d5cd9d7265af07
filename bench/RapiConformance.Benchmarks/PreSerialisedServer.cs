using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RapiConformance.Benchmarks;

/// <summary>
/// The baseline: Kestrel on loopback answering fixed paths with bytes captured from the reference
/// server, with the same status, content type and connection header. It does no work per request
/// beyond HTTP itself, so it is the most this machine can do for the same answer.
/// </summary>
public sealed class PreSerialisedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PreSerialisedServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static async Task<PreSerialisedServer> StartAsync(IReadOnlyDictionary<string, byte[]> answers, bool closeConnection)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, 0, l => l.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1);
        });
        var app = builder.Build();
        app.Run(async context =>
        {
            var key = context.Request.Path + context.Request.QueryString;
            if (!answers.TryGetValue(key, out var bytes))
            {
                context.Response.StatusCode = 404;
                return;
            }
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = bytes.Length;
            if (closeConnection) context.Response.Headers.Connection = "close";
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PreSerialisedServer(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
