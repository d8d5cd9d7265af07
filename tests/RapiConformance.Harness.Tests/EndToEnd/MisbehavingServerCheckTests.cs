using System.Diagnostics;
using RapiConformance.Client;
using RapiConformance.Runner;
using RapiConformance.Spec;
using Xunit;

namespace RapiConformance.Harness.Tests;

/// <summary>`check` against a server that hangs, resets, sends garbage or answers slowly ends in time, with failures and reasons.</summary>
[Trait("Category", "EndToEnd")]
public sealed class MisbehavingServerCheckTests
{
    [Theory]
    [InlineData(Misbehaviour.Hang, "time-out")]
    [InlineData(Misbehaviour.Reset, "")]
    [InlineData(Misbehaviour.Garbage, "")]
    [InlineData(Misbehaviour.Slow, "time-out")]
    [InlineData(Misbehaviour.ShortBody, "")]
    [InlineData(Misbehaviour.HugeBody, "larger than")]
    public async Task Check_ends_within_its_limits_with_failures_naming_the_reason(Misbehaviour mode, string reason)
    {
        await using var server = new MisbehavingServer(mode);
        var suite = SuiteLoader.Load("smoke") with { RequestTimeoutSeconds = 1, TimeLimitSeconds = 12, Concurrency = 4 };
        var options = new RunOptions
        {
            Client = new RapiClientOptions { BaseUri = server.BaseUri, Credentials = new Credentials("u", "p"), MaxResponseBytes = 4 * 1024 * 1024 },
            Suite = suite,
            Profile = Profile.V3_0,
        };
        var clock = Stopwatch.StartNew();
        var outcome = await Runs.CheckAsync(options);
        clock.Stop();
        // Time limit (12 s) plus the clean-up/judging tail (at most 10 s) plus slack for a loaded machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), $"{mode}: check took {clock.Elapsed}");
        Assert.Equal(1, outcome.ExitCode);
        var transport = outcome.Report.Results.Where(r => r.Check == "transport-sound" && r.Status == "Fail").ToList();
        Assert.NotEmpty(transport);
        Assert.Contains(transport, r => r.Message.Contains(reason, StringComparison.OrdinalIgnoreCase) && r.Response?.TransportError is not null);
        Assert.Equal(outcome.Report.Checks.Count, outcome.Report.Results.Select(r => r.Check).Distinct().Count());
    }
}
