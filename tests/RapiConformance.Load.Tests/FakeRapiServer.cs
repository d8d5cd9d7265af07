using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RapiConformance.Load.Tests;

/// <summary>
/// A tiny loopback Kestrel server that answers like RAPI's job submission (a bare job id, jobs that
/// finish after <see cref="JobRunTime"/>, GET /2/jobs/{id}[/wait]) and a couple of lists. It is a
/// test double for the load generator, not a RAPI implementation; it can stall to provoke
/// coordinated omission and can lack /wait to exercise the polling fallback.
/// </summary>
public sealed class FakeRapiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<long, FakeJob> _jobs = new();
    private long _nextJob;
    private long _started;

    public TimeSpan JobRunTime { get; init; } = TimeSpan.FromMilliseconds(5);
    public bool WaitSupported { get; init; } = true;
    /// <summary>Every n-th job ends in "error" (0: none).</summary>
    public int FailEveryNthJob { get; init; }
    /// <summary>Requests arriving in [From, To) after the first request are held until To.</summary>
    public (TimeSpan From, TimeSpan To)? Stall { get; init; }

    public ConcurrentQueue<(string Path, long ArrivedTicks)> Arrivals { get; } = new();
    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");
    public long RequestCount => Arrivals.Count;

    private FakeRapiServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
    }

    public static async Task<FakeRapiServer> StartAsync(Func<FakeRapiServer>? configure = null)
    {
        var server = configure?.Invoke() ?? new FakeRapiServer();
        server.Map();
        await server._app.StartAsync();
        server.BaseUri = new Uri(server._app.Urls.First() + "/");
        return server;
    }

    public static FakeRapiServer With(TimeSpan? jobRunTime = null, bool waitSupported = true, int failEvery = 0,
        (TimeSpan, TimeSpan)? stall = null) =>
        new() { JobRunTime = jobRunTime ?? TimeSpan.FromMilliseconds(5), WaitSupported = waitSupported, FailEveryNthJob = failEvery, Stall = stall };

    private void Map()
    {
        _app.Use(async (ctx, next) =>
        {
            var now = Stopwatch.GetTimestamp();
            Interlocked.CompareExchange(ref _started, now, 0);
            Arrivals.Enqueue((ctx.Request.Path + ctx.Request.QueryString, now));
            if (Stall is { } s)
            {
                var since = Stopwatch.GetElapsedTime(Interlocked.Read(ref _started), now);
                if (since >= s.From && since < s.To) await Task.Delay(s.To - since);
            }
            await next(ctx);
        });
        _app.MapMethods("/2/tags", ["PUT", "DELETE"], () => Results.Text(Submit().ToString(System.Globalization.CultureInfo.InvariantCulture), "application/json"));
        _app.MapGet("/2/jobs/{id:long}", (long id) =>
            _jobs.TryGetValue(id, out var job) ? Results.Json(new { id, status = job.Status }) : Results.NotFound());
        _app.MapGet("/2/jobs/{id:long}/wait", async (long id, HttpRequest request) =>
        {
            if (!WaitSupported) return Results.StatusCode(501);
            if (!_jobs.TryGetValue(id, out var job)) return Results.NotFound();
            using var body = await JsonDocument.ParseAsync(request.Body);
            string? previous = body.RootElement.TryGetProperty("previous_job_info", out var p) && p.ValueKind == JsonValueKind.Array
                ? p[0].GetString() : null;
            if (previous != job.Status) return Results.Json(new { job_info = new[] { job.Status }, log_entries = Array.Empty<object>() });
            await Task.WhenAny(job.Done.Task, Task.Delay(TimeSpan.FromSeconds(10)));
            return job.Status == previous ? Results.Json<object?>(null)
                : Results.Json(new { job_info = new[] { job.Status }, log_entries = Array.Empty<object>() });
        });
        _app.MapGet("/version", () => Results.Json(2));
        _app.MapGet("/2/instances", () => Results.Json(new[] { "inst1.example", "inst2.example", "inst3.example" }.Select(n => new { id = n, uri = "/2/instances/" + n })));
        _app.MapGet("/2/nodes", () => Results.Json(new[] { new { id = "node1.example", uri = "/2/nodes/node1.example" } }));
    }

    private long Submit()
    {
        var id = Interlocked.Increment(ref _nextJob);
        var job = new FakeJob { Status = "queued" };
        _jobs[id] = job;
        var fails = FailEveryNthJob > 0 && id % FailEveryNthJob == 0;
        _ = Task.Run(async () =>
        {
            job.Status = "running";
            await Task.Delay(JobRunTime);
            job.Status = fails ? "error" : "success";
            job.Done.TrySetResult();
        });
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class FakeJob
    {
        public volatile string Status = "queued";
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
