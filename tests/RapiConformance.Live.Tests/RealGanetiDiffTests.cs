using RapiConformance.Differential;
using RapiConformance.Spec;
using Xunit;
using Xunit.Abstractions;

namespace RapiConformance.Live.Tests;

/// <summary>
/// The differential machinery against real Ganeti on both sides: whatever it reports there is noise, so it
/// must report nothing. It costs about 35 s, so it runs only with RAPI_LIVE_SELF_DIFF=1 (CI keeps the live
/// layer under five minutes); it passed on 2026-11-23 (98 steps, no difference).
/// </summary>
[Collection(LiveCollection.Name)]
[Trait("Category", "Live")]
public sealed class RealGanetiDiffTests(LiveCluster cluster, ITestOutputHelper output)
{
    [LiveFact]
    public async Task Real_Ganeti_compared_with_itself_has_no_differences()
    {
        if (Environment.GetEnvironmentVariable("RAPI_LIVE_SELF_DIFF") != "1")
        {
            throw new LiveUnavailableException("self-comparison of real Ganeti runs only with RAPI_LIVE_SELF_DIFF=1 (35 s)");
        }
        cluster.Require();
        var options = new DiffOptions(cluster.Endpoint("a"), cluster.Endpoint("b"), Insecure: true, IncludeWrites: false);
        var runner = new DiffRunner(options, AllowList.Empty, SpecCatalog.Default);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var result = await runner.RunAsync(DiffRunner.StandardSequence(includeWrites: false), null, cts.Token);

        output.WriteLine($"{cluster.Log}; {result.Compared} steps compared, {result.SkippedCount} skipped, {result.Duration.TotalSeconds:F1} s");
        foreach (var d in result.Unexpected)
        {
            output.WriteLine(d.ToString());
        }
        Assert.True(result.Compared > 80, $"only {result.Compared} steps compared");
        Assert.Empty(result.Unexpected);
    }
}
