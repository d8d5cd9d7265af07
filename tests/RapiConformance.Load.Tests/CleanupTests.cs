using System.Text.Json;
using RapiConformance.Load.Engine;
using RapiConformance.Load.Operations;
using RapiConformance.Server;

namespace RapiConformance.Load.Tests;

/// <summary>
/// A load run leaves the target as it found it: the tags and instances it created are removed and a
/// toggled instance gets its administrative state back, also when the run is cut short.
/// </summary>
public sealed class CleanupTests
{
    private static async Task<(ReferenceServer Server, DirectoryInfo Scratch)> StartAsync()
    {
        var scratch = Directory.CreateTempSubdirectory("rc-load-cleanup-");
        var users = Path.Combine(scratch.FullName, "users");
        await File.WriteAllTextAsync(users, "u p write\n");
        var server = await ReferenceServer.StartAsync(new ServerOptions
        {
            Port = 0, UseTls = false, UsersFile = users, StateDirectory = Path.Combine(scratch.FullName, "state"),
            Nodes = 2, Instances = 3,
        });
        return (server, scratch);
    }

    private static LoadOptions Options(Uri target, string op, long maxRequests) => new()
    {
        Target = target, User = "u", Password = "p", Operation = op, Rate = 0, Concurrency = 4,
        Duration = TimeSpan.FromSeconds(30), Warmup = TimeSpan.Zero, MaxRequests = maxRequests,
        DrainTimeout = TimeSpan.FromSeconds(10), SampleInterval = TimeSpan.FromMilliseconds(250),
    };

    private static async Task<LoadReport> RunAsync(LoadOptions options, string runId)
    {
        using var client = new RapiLoadClient(options.Target, options.User, options.Password, false, TimeSpan.FromSeconds(10));
        var operation = LoadOperationCatalog.Find(options.Operation, runId, 1)!;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        return await new LoadRunner(options, operation, client, new SilentProgress()).RunAsync(limit.Token);
    }

    private static async Task<List<string>> NamesAsync(Uri target, string path)
    {
        using var client = new RapiLoadClient(target, "u", "p", false, TimeSpan.FromSeconds(10));
        return [.. await ClusterInventory.NamesAsync(client, path, CancellationToken.None)];
    }

    [Theory]
    [InlineData("tag-add", 60)]         // every tag stays until the clean-up
    [InlineData("tag-add-remove", 90)]  // fewer than Lag pairs: the removals never come round
    public async Task Tags_added_by_the_run_are_removed_after_it(string op, long requests)
    {
        var (server, scratch) = await StartAsync();
        try
        {
            var before = await NamesAsync(server.BaseUri, "/2/tags");
            var report = await RunAsync(Options(server.BaseUri, op, requests), "c1");
            Assert.Equal(requests, report.Issued);
            Assert.StartsWith("removed ", report.Cleanup, StringComparison.Ordinal);
            Assert.Equal(before, await NamesAsync(server.BaseUri, "/2/tags"));
        }
        finally { await server.DisposeAsync(); scratch.Delete(true); }
    }

    [Fact]
    public async Task Instances_created_by_the_run_are_removed_after_it()
    {
        var (server, scratch) = await StartAsync();
        try
        {
            var before = await NamesAsync(server.BaseUri, "/2/instances");
            var report = await RunAsync(Options(server.BaseUri, "instance-create-delete", 20), "c2");
            Assert.True(report.JobsSucceeded > 0, "the run created nothing, so the clean-up is not tested");
            Assert.Equal("removed 20 instances 'rcl-c2-*'", report.Cleanup);
            Assert.Equal(before, await NamesAsync(server.BaseUri, "/2/instances"));
        }
        finally { await server.DisposeAsync(); scratch.Delete(true); }
    }

    [Fact]
    public async Task A_toggled_instance_gets_its_state_back()
    {
        var (server, scratch) = await StartAsync();
        try
        {
            var first = (await NamesAsync(server.BaseUri, "/2/instances"))[0];
            using var client = new RapiLoadClient(server.BaseUri, "u", "p", false, TimeSpan.FromSeconds(10));
            var wasUp = await Leftovers.IsAdminUpAsync(client, first, CancellationToken.None);
            // An odd number of toggles leaves the instance in the other state unless the clean-up restores it.
            var report = await RunAsync(Options(server.BaseUri, "instance-startup-shutdown", wasUp ? 2 : 1) with { Concurrency = 1 }, "c3");
            Assert.Contains("again, as before the run", report.Cleanup, StringComparison.Ordinal);
            Assert.Equal(wasUp, await Leftovers.IsAdminUpAsync(client, first, CancellationToken.None));
        }
        finally { await server.DisposeAsync(); scratch.Delete(true); }
    }
}
