using System.Diagnostics;

namespace RapiConformance.Load.Tests;

/// <summary>The open model against a loopback test server: schedule, coordinated omission, warm-up.</summary>
[Collection(TimingCollection.Name)]
public class OpenModelTests
{
    [Fact]
    public async Task Sends_rate_times_duration_requests_spread_over_the_duration()
    {
        // A hiccup of this shared machine during the second makes the late requests leave together
        // (rightly: they are due), so the arrival check gets three tries; a generator that sends in
        // bursts fails all three.
        var misses = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var server = await FakeRapiServer.StartAsync();
            await LoadRun.RunAsync(LoadRun.Options(server, op: "read-nodes-bulk", rate: 20, seconds: 0.2)); // warm the server's code paths
            var report = await LoadRun.RunAsync(LoadRun.Options(server, rate: 200, seconds: 1));

            Assert.Equal(200, report.Issued);                      // i/200 < 1 s for i = 0..199
            Assert.Equal("duration", report.StoppedBy);
            // "/2/tags?tag=…": the submissions; the clean-up after the run reads "/2/tags" once more.
            var submissions = server.Arrivals.Where(a => a.Path.StartsWith("/2/tags?", StringComparison.Ordinal)).ToList();
            Assert.Equal(200, submissions.Count);
            Assert.Equal(200, report.JobsSucceeded);
            Assert.Equal(200, report.ResponseTime.Count);
            Assert.Empty(report.Errors);
            var miss = ScheduleMiss(submissions);
            if (miss is null) return;
            misses.Add(miss);
        }
        Assert.Fail(string.Join("; ", misses));
    }

    /// <summary>Request i carries its sequence number in the tag name. Aligned on the median offset, it must
    /// arrive near i/rate: the requests are spread over the second, not sent in one burst.</summary>
    private static string? ScheduleMiss(List<(string Path, long ArrivedTicks)> submissions)
    {
        var offsets = submissions.Select(a =>
        {
            var i = long.Parse(a.Path[(a.Path.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            return Stopwatch.GetElapsedTime(0, a.ArrivedTicks).TotalSeconds - i / 200.0;
        }).ToList();
        var median = offsets.Order().ElementAt(offsets.Count / 2);
        var onTime = offsets.Count(o => Math.Abs(o - median) <= 0.1);
        var spread = Stopwatch.GetElapsedTime(submissions.Min(a => a.ArrivedTicks), submissions.Max(a => a.ArrivedTicks)).TotalSeconds;
        if (onTime < 140) return $"only {onTime} of 200 requests arrived within 100 ms of their schedule";
        if (spread is < 0.8 or > 3) return $"arrivals spread over {spread:0.00} s instead of about 1 s";
        return null;
    }

    [Fact]
    public async Task A_stall_shows_in_the_open_model_percentiles_but_hides_from_a_closed_model()
    {
        var stall = (TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(600));
        await using var open = await FakeRapiServer.StartAsync(() => FakeRapiServer.With(stall: stall));
        var openReport = await LoadRun.RunAsync(LoadRun.Options(open, op: "read-nodes-bulk", rate: 200, seconds: 1));

        // Requests intended during the 400 ms stall wait until its end: about 20 % of them wait more
        // than 200 ms, so p90 is far above the service time of an idle server.
        Assert.True(openReport.ResponseTime.P90 >= 150, $"open p90 {openReport.ResponseTime.P90} ms should reflect the stall");
        Assert.True(openReport.ResponseTime.Max >= 300, $"open max {openReport.ResponseTime.Max} ms");

        await using var closed = await FakeRapiServer.StartAsync(() => FakeRapiServer.With(stall: stall));
        var closedReport = await LoadRun.RunAsync(LoadRun.Options(closed, op: "read-nodes-bulk", rate: 0, seconds: 1, concurrency: 1));

        // One worker sends nothing while it waits, so the same stall is a single slow sample:
        // the omission the open model corrects.
        Assert.True(closedReport.ResponseTime.Max >= 300, $"closed max {closedReport.ResponseTime.Max} ms");
        Assert.True(closedReport.ResponseTime.P90 < openReport.ResponseTime.P90 / 3,
            $"closed p90 {closedReport.ResponseTime.P90} ms vs open p90 {openReport.ResponseTime.P90} ms");
    }

    [Fact]
    public async Task Warm_up_requests_are_sent_but_left_out_of_the_figures()
    {
        await using var server = await FakeRapiServer.StartAsync();
        var report = await LoadRun.RunAsync(LoadRun.Options(server, op: "read-instances-bulk", rate: 100, seconds: 0.5, warmup: 0.5));

        Assert.Equal(100, report.Issued);
        Assert.Equal(50, report.WarmupIssued);
        Assert.Equal(50, report.MeasuredSent);
        Assert.Equal(50, report.ResponseTime.Count);
        Assert.Contains(report.Timeline, p => p.Warmup);
        Assert.Empty(report.Errors);
        Assert.Contains(report.Timeline, p => !p.Warmup);
    }

    [Fact]
    public async Task Every_issued_read_mix_request_is_accounted_for()
    {
        await using var server = await FakeRapiServer.StartAsync();
        var report = await LoadRun.RunAsync(LoadRun.Options(server, op: "read-mix", rate: 200, seconds: 1, warmup: 0.25));

        Assert.Equal(250, report.Issued);
        Assert.Equal(report.Issued, report.WarmupIssued + report.MeasuredSent);
        Assert.Equal(report.MeasuredSent, report.MeasuredSucceeded + report.MeasuredFailed);
        // The test server knows only some of the mix's paths: the others are counted by status, not lost.
        Assert.True(report.Errors.ContainsKey("http-404"));
        Assert.DoesNotContain(report.Errors.Keys, k => k.StartsWith("generator-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Job_completion_is_measured_separately_from_submission()
    {
        await using var server = await FakeRapiServer.StartAsync(() => FakeRapiServer.With(jobRunTime: TimeSpan.FromMilliseconds(40), failEvery: 5));
        var report = await LoadRun.RunAsync(LoadRun.Options(server, op: "tag-add-remove", rate: 100, seconds: 1));

        Assert.Equal(100, report.JobsSubmitted);
        Assert.Equal(80, report.JobsSucceeded);
        Assert.Equal(20, report.JobsFailed);
        Assert.Equal(20, report.Errors["job-error"]);
        Assert.True(report.JobCompletion.P50 >= 40, $"completion p50 {report.JobCompletion.P50} ms includes the 40 ms run time");
        Assert.True(report.ResponseTime.P50 < report.JobCompletion.P50, "submission is answered before the job ends");
        Assert.Contains(report.Timeline, p => p.JobBacklog > 0 || p.JobsFinished > 0);
    }

    [Fact]
    public async Task Without_a_wait_endpoint_jobs_are_followed_by_polling()
    {
        await using var server = await FakeRapiServer.StartAsync(() => FakeRapiServer.With(waitSupported: false));
        var report = await LoadRun.RunAsync(LoadRun.Options(server, rate: 50, seconds: 0.5));

        Assert.Equal(25, report.JobsSucceeded);
        Assert.Contains(server.Arrivals, a => a.Path.StartsWith("/2/jobs/", StringComparison.Ordinal) && !a.Path.EndsWith("/wait", StringComparison.Ordinal));
    }
}
