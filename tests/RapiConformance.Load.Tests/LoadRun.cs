using RapiConformance.Load.Engine;
using RapiConformance.Load.Operations;

namespace RapiConformance.Load.Tests;

/// <summary>Runs the real LoadRunner against a test server with short, bounded settings.</summary>
internal static class LoadRun
{
    public static LoadOptions Options(FakeRapiServer server, string op = "tag-add", double rate = 100, double seconds = 1,
        int? concurrency = null, double warmup = 0, long maxRequests = 100_000) => new()
        {
            Target = server.BaseUri,
            User = "u",
            Password = "p",
            Operation = op,
            Rate = rate,
            Duration = TimeSpan.FromSeconds(seconds),
            Concurrency = concurrency,
            Warmup = TimeSpan.FromSeconds(warmup),
            MaxRequests = maxRequests,
            DrainTimeout = TimeSpan.FromSeconds(10),
            SampleInterval = TimeSpan.FromMilliseconds(250),
        };

    public static async Task<LoadReport> RunAsync(LoadOptions options,
        Func<TimeSpan, CancellationToken, Task>? sleep = null, CancellationToken ct = default)
    {
        using var client = new RapiLoadClient(options.Target, options.User, options.Password, false, TimeSpan.FromSeconds(10));
        var operation = LoadOperationCatalog.Find(options.Operation, "t", options.Seed)!;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(60)); // a test never runs away
        var runner = sleep is null ? new LoadRunner(options, operation, client, new SilentProgress())
            : new LoadRunner(options, operation, client, new SilentProgress()) { Sleep = sleep };
        return await runner.RunAsync(limit.Token);
    }
}
