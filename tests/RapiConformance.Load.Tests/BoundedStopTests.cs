using System.Diagnostics;

namespace RapiConformance.Load.Tests;

/// <summary>A run stops by itself: at its request cap, at its duration, or when cancelled (Ctrl-C).</summary>
[Collection(TimingCollection.Name)]
public class BoundedStopTests
{
    [Fact]
    public async Task The_request_cap_stops_a_long_run_early()
    {
        await using var server = await FakeRapiServer.StartAsync();
        var clock = Stopwatch.StartNew();
        var report = await LoadRun.RunAsync(LoadRun.Options(server, op: "read-nodes-bulk", rate: 1000, seconds: 60, maxRequests: 50));

        Assert.Equal("max-requests", report.StoppedBy);
        Assert.Equal(50, report.Issued);
        Assert.Equal(50, server.Arrivals.Count(a => a.Path.StartsWith("/2/nodes", StringComparison.Ordinal)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task The_request_cap_bounds_the_closed_model_too()
    {
        await using var server = await FakeRapiServer.StartAsync();
        var report = await LoadRun.RunAsync(LoadRun.Options(server, op: "tag-add", rate: 0, seconds: 60, concurrency: 4, maxRequests: 40));

        Assert.Equal("max-requests", report.StoppedBy);
        Assert.Equal(40, report.Issued);
        Assert.Equal(40, report.JobsSucceeded);
        Assert.Equal("closed", report.Model);
    }

    [Fact]
    public async Task Cancelling_stops_promptly_and_still_returns_the_figures()
    {
        await using var server = await FakeRapiServer.StartAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));
        var clock = Stopwatch.StartNew();
        var report = await LoadRun.RunAsync(LoadRun.Options(server, rate: 100, seconds: 30), ct: cancel.Token);

        Assert.Equal("interrupted", report.StoppedBy);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.InRange(report.Issued, 1, 120);        // 0.7 s at 100/s at most, after the probe
        Assert.True(report.ResponseTime.Count > 0);
        Assert.InRange(report.MeasuredSeconds, 0.01, 1.5);
    }
}
