using RapiConformance.Client;
using RapiConformance.Generation.Running;
using RapiConformance.Spec;
using Xunit;
using Xunit.Abstractions;

namespace RapiConformance.Generation.Tests;

/// <summary>
/// Write scope "own" against the reference server (a stand-in for a shared cluster): the run writes, but
/// afterwards every entity it did not create is as it was and nothing of its own is left.
/// </summary>
public sealed class OwnScopeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_write_fuzz_in_own_scope_leaves_the_other_entities_as_they_were_and_cleans_up()
    {
        await using var target = await LocalTarget.StartAsync([]);
        var before = await ForeignState.ReadAsync(target.Sender, CancellationToken.None);
        Assert.NotNull(before);
        Assert.Contains(before.Lines, l => l.StartsWith("instance ", StringComparison.Ordinal));
        var lines = new List<string>();
        var options = new FuzzOptions { Seed = 31, Budget = TimeSpan.FromSeconds(25), Workers = 8, WriteScope = WriteScope.Own };
        var report = await new FuzzRun(SpecCatalog.Default, target.Sender, options, LocalTarget.User, lines.Add).RunAsync(CancellationToken.None);
        foreach (var line in lines) output.WriteLine(line);
        foreach (var f in report.Failures) output.WriteLine($"{f.Kind} {f.OperationId}: {f.Message}");
        output.WriteLine($"{report.Cases} cases, {report.Sequences} sequences ({report.SequenceSteps} steps), {report.WithheldCases} withheld");

        Assert.Equal("own", report.WriteScope);
        Assert.Contains(lines, l => l.StartsWith("set-up: created 2 own instance(s)", StringComparison.Ordinal));
        Assert.True(report.SequenceSteps > 0 && report.Cases > 100, "the run did not write much");
        Assert.Contains("other instances, groups, networks and tags unchanged", report.Cleanup, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT removed", report.Cleanup, StringComparison.Ordinal);
        var after = await ForeignState.ReadAsync(target.Sender, CancellationToken.None);
        Assert.Equal(before.Lines, after!.Lines);
        foreach (var list in new[] { "/2/instances", "/2/groups", "/2/networks", "/2/tags" })
        {
            var answer = await target.Sender.SendAsync(RapiRequest.Get(list));
            Assert.DoesNotContain(OwnEntities.Prefix, answer.ResponseBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Cleanup_runs_also_when_the_run_is_cancelled()
    {
        await using var target = await LocalTarget.StartAsync([]);
        var lines = new List<string>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        var options = new FuzzOptions { Seed = 32, Budget = TimeSpan.FromSeconds(60), Workers = 4, WriteScope = WriteScope.Own };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new FuzzRun(SpecCatalog.Default, target.Sender, options, LocalTarget.User, lines.Add).RunAsync(cts.Token));
        Assert.Contains(lines, l => l.StartsWith("cleanup: removed 2 instance(s)", StringComparison.Ordinal));
        var instances = await target.Sender.SendAsync(RapiRequest.Get("/2/instances"));
        Assert.DoesNotContain(OwnEntities.Prefix, instances.ResponseBody, StringComparison.Ordinal);
    }
}
