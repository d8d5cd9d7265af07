using RapiConformance.Differential;
using RapiConformance.Server;
using RapiConformance.Server.Cluster;
using RapiConformance.Spec;
using Xunit;
using Xunit.Abstractions;

namespace RapiConformance.Live.Tests;

/// <summary>
/// The differential run of issue 8: the reference server, started with the <c>ganeti-live</c> seed shape (a
/// copy of the live cluster: one node, fake hypervisor, diskless inst1..inst3, group2, net1, tags; the same
/// users), against real Ganeti, reads and writes. Zero unexpected differences; documented ones come from the
/// spec's x-rapi-notes and the committed allow-list.
/// </summary>
[Collection(LiveCollection.Name)]
[Trait("Category", "Live")]
public sealed class ReferenceAgainstGanetiTests(LiveCluster cluster, ITestOutputHelper output)
{
    [LiveFact]
    public async Task Reference_server_answers_like_real_Ganeti()
    {
        cluster.Require();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var server = await ReferenceServer.StartAsync(new ServerOptions
        {
            Profile = Profile.V3_0, Port = 0, UseTls = false, UsersFile = LiveCluster.UsersFile, RequireAuthentication = true,
            Shape = ClusterShape.GanetiLive,
        }, cts.Token);
        var reference = new DiffEndpoint("reference", server.BaseUri, cluster.Users.Writer!, cluster.Users.Reader, cluster.Users.Plain);
        var options = new DiffOptions(reference, cluster.Endpoint("ganeti"), Insecure: true);
        var runner = new DiffRunner(options, AllowList.Load(RepositoryLayout.DiffAllowList), SpecCatalog.Default);

        var result = await runner.RunAsync(DiffRunner.StandardSequence(includeWrites: true), null, cts.Token);

        var report = Path.Combine(RepositoryLayout.Root, "reports", "live", "diff");
        DiffReportFiles.Write(result, report);
        output.WriteLine($"{cluster.Log}; {result.Compared} steps compared ({result.SkippedCount} skipped), " +
                         $"{result.OperationsCompared.Count}/{result.OperationsInSpec} operations, {result.Unexpected.Count} unexpected, " +
                         $"{result.Documented.Count} documented differences, {result.Duration.TotalSeconds:F1} s; report in {report}");
        foreach (var d in result.Unexpected)
        {
            output.WriteLine("DIFF " + d);
        }
        Assert.True(result.OperationsCompared.Count >= 70, $"only {result.OperationsCompared.Count} operations compared");
        Assert.Empty(result.Unexpected);
    }
}
