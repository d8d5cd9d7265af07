using RapiConformance.Runner;
using RapiConformance.Spec;
using Xunit;

namespace RapiConformance.Harness.Tests;

/// <summary>--seed makes a run repeatable: the same seed sends the same requests; another seed names things differently.</summary>
[Trait("Category", "EndToEnd")]
public sealed class SeedTests
{
    /// <summary>Job ids and filter UUIDs are the server's choice (and job ids depend on the order of concurrent checks).</summary>
    private static readonly System.Text.RegularExpressions.Regex ServerAssigned =
        new(@"(?<=/2/jobs/)\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private sealed class RequestRecorder : IRunObserver
    {
        public HashSet<string> Lines { get; } = [];

        public void On(RunEvent e)
        {
            if (e is RunFinished f)
                foreach (var x in f.Exchanges) Lines.Add(ServerAssigned.Replace($"{x.Method} {x.PathAndQuery} {x.RequestBody}", "<id>"));
        }
    }

    private static async Task<HashSet<string>> RequestsAsync(int seed)
    {
        await using var target = await ReferenceTarget.StartAsync(Profile.V3_0);
        var recorder = new RequestRecorder();
        var options = target.Options(SuiteLoader.Load("full")) with { Seed = seed };
        await new ConformanceRunner(options, [recorder]).RunAsync(default);
        return recorder.Lines;
    }

    [Fact]
    public async Task Same_seed_same_requests_other_seed_other_names()
    {
        var first = await RequestsAsync(5);
        var again = await RequestsAsync(5);
        var other = await RequestsAsync(6);
        Assert.Empty(first.Except(again).Concat(again.Except(first)).Take(5));
        Assert.Contains(first, l => l.Contains("rc5-instance", StringComparison.Ordinal));
        Assert.Contains(other, l => l.Contains("rc6-instance", StringComparison.Ordinal));
        Assert.DoesNotContain(other, l => l.Contains("rc5-", StringComparison.Ordinal));
    }
}
