using System.Diagnostics;

namespace RapiConformance.Load.Tests;

/// <summary>
/// When the generator itself falls behind (a GC pause, a starved thread pool), the requests it
/// sends late must be charged the delay: latency runs from the intended send time.
/// </summary>
[Collection(TimingCollection.Name)]
public class CoordinatedOmissionTests
{
    [Fact]
    public async Task A_stalled_dispatcher_is_charged_to_response_time_not_hidden()
    {
        await using var server = await FakeRapiServer.StartAsync();
        var calls = 0;
        var stalledOnce = false;
        Task StallOnce(TimeSpan wait, CancellationToken ct)
        {
            if (++calls == 20 && !stalledOnce)
            {
                stalledOnce = true;
                return Task.Delay(wait + TimeSpan.FromMilliseconds(400), ct); // the generator oversleeps by 400 ms
            }
            return Task.Delay(wait, ct);
        }

        var report = await LoadRun.RunAsync(LoadRun.Options(server, op: "read-nodes-bulk", rate: 100, seconds: 2), sleep: StallOnce);

        Assert.True(stalledOnce);
        Assert.Equal(200, report.Issued);                 // the late requests are still sent, in a burst
        Assert.Equal(200, report.ResponseTime.Count);
        // About 40 requests were due during the oversleep: they left late, and the report says so ...
        Assert.True(report.DispatchLag.Max >= 350, $"generator lag max {report.DispatchLag.Max} ms should show the 400 ms stall");
        Assert.True(report.DispatchLag.P90 >= 100, $"generator lag p90 {report.DispatchLag.P90} ms");
        // ... and their response time carries the wait (measured from the actual send it would not).
        Assert.True(report.ResponseTime.Max >= report.DispatchLag.Max, $"response max {report.ResponseTime.Max} ms < lag max {report.DispatchLag.Max} ms");
        Assert.True(report.ResponseTime.P90 >= report.DispatchLag.P90, $"response p90 {report.ResponseTime.P90} ms < lag p90 {report.DispatchLag.P90} ms");
    }
}
