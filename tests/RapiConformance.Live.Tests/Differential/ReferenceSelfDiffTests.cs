using RapiConformance.Differential;
using RapiConformance.Server;
using RapiConformance.Server.Cluster;
using RapiConformance.Spec;
using Xunit;
using Xunit.Abstractions;

namespace RapiConformance.Live.Tests.Differential;

/// <summary>
/// The whole differential run, reads and writes, between two reference servers started alike: it runs on
/// any machine (no root, no Ganeti), and two equal servers must show no difference at all, so every
/// difference it reported would be noise of the comparer. A planted fault must show up.
/// </summary>
public sealed class ReferenceSelfDiffTests(ITestOutputHelper output)
{
    private static async Task<ReferenceServer> StartAsync(string users, CancellationToken ct, params string[] faults) =>
        await StartAsync(users, ClusterShape.Generated, ct, faults);

    private static async Task<ReferenceServer> StartAsync(string users, string shape, CancellationToken ct, params string[] faults) =>
        await ReferenceServer.StartAsync(new ServerOptions
        {
            Profile = Profile.V3_0, Port = 0, UseTls = false, UsersFile = users, RequireAuthentication = true,
            Shape = shape, Nodes = 1, Instances = 3, Seed = 1, Faults = faults,
        }, ct);

    private static async Task<DiffResult> RunAsync(ReferenceServer a, ReferenceServer b, CancellationToken ct)
    {
        var writer = new BasicCredential("writer", "writer-pw");
        var reader = new BasicCredential("reader", "reader-pw");
        var plain = new BasicCredential("plain", "plain-pw");
        var options = new DiffOptions(new DiffEndpoint("a", a.BaseUri, writer, reader, plain), new DiffEndpoint("b", b.BaseUri, writer, reader, plain),
            JobBudget: TimeSpan.FromSeconds(20));
        return await new DiffRunner(options, AllowList.Empty, SpecCatalog.Default)
            .RunAsync(DiffRunner.StandardSequence(includeWrites: true), null, ct);
    }

    private static string UsersFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rc-diff-users-{Guid.NewGuid():N}");
        File.WriteAllText(file, "writer writer-pw write\nreader reader-pw read\nplain plain-pw\n");
        return file;
    }

    [Fact]
    public async Task Two_equal_reference_servers_show_no_difference()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var users = UsersFile();
        await using var a = await StartAsync(users, cts.Token);
        await using var b = await StartAsync(users, cts.Token);

        var result = await RunAsync(a, b, cts.Token);

        output.WriteLine($"{result.Compared} steps compared, {result.SkippedCount} skipped, {result.Duration.TotalSeconds:F1} s");
        foreach (var d in result.AllDifferences)
        {
            output.WriteLine(d.ToString());
        }
        Assert.True(result.Compared > 120, $"only {result.Compared} steps compared");
        Assert.Empty(result.AllDifferences);
        File.Delete(users);
    }

    [Fact]
    public async Task Two_ganeti_live_shaped_servers_show_no_difference_and_skip_only_the_filter_steps()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var users = UsersFile();
        await using var a = await StartAsync(users, ClusterShape.GanetiLive, cts.Token);
        await using var b = await StartAsync(users, ClusterShape.GanetiLive, cts.Token);

        var result = await RunAsync(a, b, cts.Token);

        // The shape has what every step needs (a stopped instance, an empty group) but, like the live
        // cluster, no filter.
        var skipped = result.Steps.Where(s => s.Skipped).Select(s => s.Step.Id).ToList();
        output.WriteLine($"{result.Compared} steps compared, skipped: {string.Join(", ", skipped)}");
        Assert.Equal(["getFilter:existing"], skipped);
        Assert.Empty(result.AllDifferences);
        File.Delete(users);
    }

    [Fact]
    public async Task Diff_verb_starts_the_reference_server_with_a_shape()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var users = UsersFile();
        await using var b = await StartAsync(users, ClusterShape.GanetiLive, cts.Token);

        var run = await ProcessRun.CliAsync(["diff", "--a-reference", "ganeti-live", "--b", b.BaseUri.ToString(), "--users-file", users],
            TimeSpan.FromMinutes(3));

        output.WriteLine(run.Tail());
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("server A is the reference server (ganeti-live shape)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(" 0 unexpected differences, 0 documented", run.Stdout, StringComparison.Ordinal);

        var usage = await ProcessRun.CliAsync(["diff", "--a-reference", "nope", "--b", b.BaseUri.ToString(), "--users-file", users], TimeSpan.FromMinutes(1));
        Assert.Equal(2, usage.ExitCode);
        var both = await ProcessRun.CliAsync(["diff", "--a", b.BaseUri.ToString(), "--a-reference", "ganeti-live", "--b", b.BaseUri.ToString(),
            "--users-file", users], TimeSpan.FromMinutes(1));
        Assert.Equal(2, both.ExitCode);
        File.Delete(users);
    }

    [Theory]
    [InlineData("wrong-type", DifferenceKind.FieldType, "listNodes:bulk")]
    [InlineData("no-www-authenticate", DifferenceKind.WwwAuthenticate, "getClusterInfo:anonymous")]
    [InlineData("job-id-string", DifferenceKind.FieldType, "addClusterTags:one")]
    [InlineData("method-405", DifferenceKind.Status, "getVersion:wrong-method")]
    public async Task A_planted_fault_shows_up_as_a_difference(string fault, DifferenceKind kind, string step)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var users = UsersFile();
        await using var a = await StartAsync(users, cts.Token, fault);
        await using var b = await StartAsync(users, cts.Token);

        var result = await RunAsync(a, b, cts.Token);

        Assert.Contains(result.AllDifferences, d => d.Kind == kind && d.StepId == step);
        File.Delete(users);
    }
}
