using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RapiConformance.Server.Auth;
using RapiConformance.Server.Cluster;
using RapiConformance.Server.Faults;
using RapiConformance.Server.Handlers;
using RapiConformance.Server.Http;
using RapiConformance.Server.Jobs;
using RapiConformance.Server.Storage;
using RapiConformance.Spec;

namespace RapiConformance.Server;

/// <summary>The reference RAPI server: Kestrel in front of a simulated, persistent Ganeti cluster.</summary>
public sealed class ReferenceServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StateStore _store;
    private readonly JobQueue _jobs;
    private readonly string? _temporaryState;

    private ReferenceServer(WebApplication app, StateStore store, JobQueue jobs, RapiServices services, Uri baseUri, string stateDirectory, string? temporary)
    {
        _app = app;
        _store = store;
        _jobs = jobs;
        Services = services;
        BaseUri = baseUri;
        StateDirectory = stateDirectory;
        _temporaryState = temporary;
    }

    public Uri BaseUri { get; }

    public string StateDirectory { get; }

    public RapiServices Services { get; }

    public StateStore Store => _store;

    public static async Task<ReferenceServer> StartAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        var faults = new FaultSet(options.Faults);
        string? temporary = null;
        var stateDir = options.StateDirectory;
        if (stateDir is null)
        {
            stateDir = temporary = Path.Combine(Path.GetTempPath(), "rapi-state-" + Guid.NewGuid().ToString("N")[..12]);
        }
        Directory.CreateDirectory(stateDir);

        var store = new StateStore(stateDir);
        var defaults = ClusterDefaults.Load();
        var cluster = LoadOrGenerate(store, options, defaults);
        cluster.LegacyShapes = options.Profile != Profile.V3_0;
        var executor = new OpExecutor(cluster, faults);
        var durable = new DurableState(cluster, store);
        var jobs = new JobQueue(cluster, durable, executor, faults, options.Time, options.JobWorkers, options.JobRunTime, options.KeepFinalizedJobs)
        {
            Drained = options.QueueDrained,
            Limit = options.QueueLimit,
        };
        var users = new UsersFile(options.UsersFile, options.Time);
        var services = new RapiServices(SpecCatalog.Default, options.Profile, cluster, jobs, new OpcodeBuilder(OpcodeTable.Load()),
            new Authenticator(users, options.RequireAuthentication), faults, options);

        var handlers = new HandlerRegistry();
        var submission = new JobSubmission(services);
        ReadHandlers.Register(handlers, services);
        JobHandlers.Register(handlers, services);
        QueryHandlers.Register(handlers, services);
        FilterHandlers.Register(handlers, services, durable);
        InstanceWriteHandlers.Register(handlers, submission);
        OtherWriteHandlers.Register(handlers, submission);
        var missing = handlers.Missing(services.Catalog).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"operations without a handler: {string.Join(", ", missing)}");

        var certificate = options.UseTls ? SelfSignedCertificate.LoadOrCreate(stateDir, options.CertificateFile, options.KeyFile) : null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = null;
            k.Limits.MaxRequestHeadersTotalSize = RequestTargetFilter.MaxHeaders + 4; // the filter decides first
            k.Limits.MaxRequestLineSize = RequestTargetFilter.MaxRequestLine + 2;
            k.Limits.RequestHeadersTimeout = options.RequestHeadersTimeout;
            var address = IPAddress.Parse(options.Bind == "localhost" ? "127.0.0.1" : options.Bind);
            k.Listen(address, options.Port, listen =>
            {
                listen.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1;
                if (certificate is not null) listen.UseHttps(certificate);
                // After TLS, so the filter sees the plain HTTP/1.1 stream.
                if (options.FilterRequestTargets) listen.Use(next => RequestTargetFilter.Middleware(next, options.RequestHeadersTimeout));
            });
        });
        var app = builder.Build();
        var pipeline = new RapiPipeline(services, handlers);
        app.Run(pipeline.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var host = options.Bind.Contains(':', StringComparison.Ordinal) ? $"[{options.Bind}]" : options.Bind;
        var baseUri = new Uri($"{(options.UseTls ? "https" : "http")}://{host}:{port}/");
        return new ReferenceServer(app, store, jobs, services, baseUri, stateDir, temporary);
    }

    private static ClusterState LoadOrGenerate(StateStore store, ServerOptions options, ClusterDefaults defaults)
    {
        if (store.GetMeta("generated") is not null)
        {
            var (config, others) = EntityStore.LoadAll(store);
            var loaded = new ClusterState(config, defaults, options.Time);
            foreach (var e in others) loaded.Load(e);
            return loaded;
        }
        var cluster = ClusterShape.Build(options.Shape, options.Nodes, options.Instances, options.Seed, defaults, options.Time);
        store.SeedEntities(EntityStore.All(cluster).Select(e => (e.Uuid, e.Kind.ToString(), EntityStore.Serialize(e))),
            new Dictionary<string, string>
            {
                ["generated"] = options.Shape == ClusterShape.Generated
                    ? $"nodes={options.Nodes} instances={options.Instances} seed={options.Seed}"
                    : $"shape={options.Shape}",
            });
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _jobs.DisposeAsync().ConfigureAwait(false);
        await _store.DisposeAsync().ConfigureAwait(false);
        if (_temporaryState is not null)
        {
            try
            {
                Directory.Delete(_temporaryState, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
