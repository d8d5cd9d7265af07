using System.Diagnostics;
using System.Text.Json;
using RapiConformance.Load.Operations;

namespace RapiConformance.Load.Engine;

/// <summary>
/// Runs one load: dispatches requests (open or closed model), records latencies, samples the time
/// series, stops at its duration, its request cap or the caller's cancellation, drains what is in
/// flight for a bounded time, and returns the report.
/// </summary>
public sealed class LoadRunner
{
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(120);
    private readonly LoadOptions _options;
    private readonly LoadOperation _operation;
    private readonly RapiLoadClient _client;
    private readonly ILoadProgress _progress;
    private readonly RunMetrics _metrics = new();
    private readonly JobWatcher _jobs;
    private readonly RapiLoadClient _watchClient;
    private readonly CancellationTokenSource _abort = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _start, _warmupEnd, _end;
    private long _issued;
    private long _inFlight;
    private int _dispatchDone;

    /// <summary>How the open-model dispatcher sleeps until the next intended send time; tests stall it on purpose.</summary>
    internal Func<TimeSpan, CancellationToken, Task> Sleep { get; init; } = Task.Delay;

    public LoadRunner(LoadOptions options, LoadOperation operation, RapiLoadClient client, ILoadProgress progress)
    {
        if (options.IsOpenModel && options.Rate <= 0) throw new ArgumentException("the open model needs a positive rate");
        if (options.Concurrency is <= 0) throw new ArgumentException("concurrency must be positive");
        _options = options;
        _operation = operation;
        _client = client;
        _progress = progress;
        // Job watchers hold a long poll each; on their own connection pool they cannot starve submissions.
        _watchClient = new RapiLoadClient(options.Target, options.User, options.Password, options.Insecure, options.RequestTimeout, maxConnections: 8192);
        _jobs = new JobWatcher(_watchClient);
    }

    public async Task<LoadReport> RunAsync(CancellationToken stop)
    {
        var startedUtc = DateTimeOffset.UtcNow;
        _progress.Phase($"preparing {_operation.Name} against {_options.Target}");
        try
        {
            // One unmeasured probe, so an unreachable target is one clear error, not a report full of them.
            var probe = await _client.SendAsync(HttpMethod.Get, "/version", null, stop).ConfigureAwait(false);
            if (probe.Status is 401 or 403)
                throw new LoadSetupException($"{_options.Target} refused the credentials (GET /version answered {probe.Status})");
            await _operation.PrepareAsync(_client, stop).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException)
        {
            throw new LoadSetupException($"cannot reach {_options.Target}: {e.Message}", e);
        }

        _start = Stopwatch.GetTimestamp();
        _warmupEnd = _start + ToTicks(_options.Warmup);
        _end = _warmupEnd + ToTicks(_options.Duration);
        var sampler = new TimelineSampler(_metrics, _options, _start, _warmupEnd);
        using var samplerStop = new CancellationTokenSource();
        var sampling = SampleLoopAsync(sampler, samplerStop.Token);

        _progress.Phase(_options.IsOpenModel
            ? $"open model: {_options.Rate:0.##} requests/s for {Seconds(_options.Warmup)} s warm-up + {Seconds(_options.Duration)} s"
            : $"closed model: {_options.Concurrency} workers for {Seconds(_options.Warmup)} s warm-up + {Seconds(_options.Duration)} s");
        string stoppedBy;
        try
        {
            stoppedBy = _options.IsOpenModel ? await DispatchOpenAsync(stop).ConfigureAwait(false)
                                             : await DispatchClosedAsync(stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            stoppedBy = "interrupted";
        }
        if (stop.IsCancellationRequested) stoppedBy = "interrupted";
        var dispatchEnd = Stopwatch.GetTimestamp();

        Volatile.Write(ref _dispatchDone, 1);
        if (Interlocked.Read(ref _inFlight) == 0) _drained.TrySetResult();
        var drainLimit = stop.IsCancellationRequested ? TimeSpan.FromSeconds(1) : _options.DrainTimeout;
        _progress.Phase($"stopped ({stoppedBy}); waiting up to {Seconds(drainLimit)} s for {Interlocked.Read(ref _inFlight)} requests and jobs in flight");
        await Task.WhenAny(_drained.Task, Task.Delay(drainLimit, CancellationToken.None)).ConfigureAwait(false);
        if (!_drained.Task.IsCompleted)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            // Cancelled requests unwind quickly; give them a moment so they are counted (a Ctrl-C run has ~2 s in all).
            var unwind = stop.IsCancellationRequested ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(5);
            await Task.WhenAny(_drained.Task, Task.Delay(unwind, CancellationToken.None)).ConfigureAwait(false);
        }

        // Let the sampler finish the interval it is in, so the last point is as wide as the others
        // (a sliver of an interval would show as a spike of throughput); not after Ctrl-C, which must be quick.
        if (!stop.IsCancellationRequested)
            await Task.Delay(_options.SampleInterval + TimeSpan.FromMilliseconds(20), CancellationToken.None).ConfigureAwait(false);
        var tail = sampler.Points.Count;
        await samplerStop.CancelAsync().ConfigureAwait(false);
        await sampling.ConfigureAwait(false);
        if (sampler.Points.Count == tail || stop.IsCancellationRequested || Interlocked.Read(ref _inFlight) > 0)
        {
            var last = sampler.Take(Stopwatch.GetTimestamp(), Interlocked.Read(ref _inFlight));
            _progress.Sample(last, Interlocked.Read(ref _issued), _metrics.AllErrors.Total);
        }

        _watchClient.Dispose();
        var cleanup = await CleanupAsync().ConfigureAwait(false);
        var measuredTicks = Math.Max(0, Math.Min(dispatchEnd, _end) - _warmupEnd);
        return ReportBuilder.Build(_options, _operation, _metrics, sampler.Points, startedUtc, stoppedBy,
            Interlocked.Read(ref _issued), measuredTicks / (double)Stopwatch.Frequency) with { Cleanup = cleanup };
    }

    /// <summary>
    /// Removes what the run left behind, also after Ctrl-C (the clean-up has its own bounded time, so
    /// a target that stopped answering cannot hold the verb); a failure is reported, not thrown.
    /// </summary>
    private async Task<string?> CleanupAsync()
    {
        using var limit = new CancellationTokenSource(CleanupTimeout);
        try
        {
            var done = await _operation.CleanupAsync(_client, limit.Token).ConfigureAwait(false);
            if (done is not null) _progress.Phase("clean-up: " + done);
            return done;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or OperationCanceledException or LoadSetupException or JsonException)
        {
            var failed = $"clean-up failed, the target may keep what the run added: {e.Message}";
            _progress.Phase(failed);
            return failed;
        }
    }

    private async Task<string> DispatchOpenAsync(CancellationToken stop)
    {
        var schedule = new ArrivalSchedule(_options.Rate);
        long next = 0;
        while (true)
        {
            stop.ThrowIfCancellationRequested();
            var now = Stopwatch.GetTimestamp();
            var due = schedule.DueBy(now - _start);
            for (; next < due; next++)
            {
                var intended = _start + schedule.IntendedOffsetTicks(next);
                if (intended >= _end) return "duration";
                if (next >= _options.MaxRequests) return "max-requests";
                Fire(next, intended);
            }
            var nextAt = _start + schedule.IntendedOffsetTicks(next);
            if (nextAt >= _end) return "duration";
            if (next >= _options.MaxRequests) return "max-requests";
            var wait = TimeSpan.FromSeconds((nextAt - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
            if (wait > TimeSpan.Zero) await Sleep(wait, stop).ConfigureAwait(false);
        }
    }

    private void Fire(long sequence, long intended)
    {
        Interlocked.Increment(ref _issued);
        Interlocked.Increment(ref _inFlight);
        _ = Task.Run(async () =>
        {
            try { await ExecuteAsync(sequence, intended, waitForJob: true).ConfigureAwait(false); }
            finally { Leave(); }
        });
    }

    private void Leave()
    {
        if (Interlocked.Decrement(ref _inFlight) == 0 && Volatile.Read(ref _dispatchDone) == 1) _drained.TrySetResult();
    }

    private async Task<string> DispatchClosedAsync(CancellationToken stop)
    {
        var schedule = _options.Rate > 0 ? new ArrivalSchedule(_options.Rate) : null;
        var reasons = new string[_options.Concurrency!.Value];
        var workers = Enumerable.Range(0, reasons.Length).Select(w => Task.Run(async () =>
        {
            while (true)
            {
                if (stop.IsCancellationRequested) { reasons[w] = "interrupted"; return; }
                var sequence = Interlocked.Increment(ref _issued) - 1;
                if (sequence >= _options.MaxRequests) { Interlocked.Decrement(ref _issued); reasons[w] = "max-requests"; return; }
                var intended = schedule is null ? Stopwatch.GetTimestamp() : _start + schedule.IntendedOffsetTicks(sequence);
                if (intended >= _end || Stopwatch.GetTimestamp() >= _end) { Interlocked.Decrement(ref _issued); reasons[w] = "duration"; return; }
                var wait = (intended - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency;
                if (wait > 0)
                {
                    try { await Task.Delay(TimeSpan.FromSeconds(wait), stop).ConfigureAwait(false); }
                    catch (OperationCanceledException) { Interlocked.Decrement(ref _issued); reasons[w] = "interrupted"; return; }
                }
                Interlocked.Increment(ref _inFlight);
                try { await ExecuteAsync(sequence, intended, waitForJob: true).ConfigureAwait(false); }
                finally { Leave(); }
            }
        })).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        return reasons.Contains("interrupted") ? "interrupted" : reasons.Contains("max-requests") ? "max-requests" : "duration";
    }

    private async Task ExecuteAsync(long sequence, long intended, bool waitForJob)
    {
        var measured = intended >= _warmupEnd;
        LoadRequest request;
        long sent;
        LoadResponse response;
        try
        {
            request = _operation.Next(sequence);
            sent = Stopwatch.GetTimestamp();
            _metrics.Sent(measured, sent - intended);
        }
        catch (Exception e)
        {
            // A defect of the generator itself: counted, never lost.
            _metrics.Sent(measured, Stopwatch.GetTimestamp() - intended);
            _metrics.Failed(measured, "generator-" + e.GetType().Name);
            return;
        }
        try
        {
            response = await _client.SendAsync(request.Method, request.PathAndQuery, request.Body, _abort.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _metrics.Failed(measured, ErrorKind.Of(e, _abort.IsCancellationRequested));
            return;
        }
        var answered = Stopwatch.GetTimestamp();
        if (!response.IsSuccess) { _metrics.Failed(measured, $"http-{response.Status}"); return; }
        long? jobId = null;
        if (request.IsJob)
        {
            jobId = response.JobId;
            if (jobId is null) { _metrics.Failed(measured, "bad-job-id"); return; }
        }
        _metrics.Succeeded(measured, answered - intended, answered - sent);
        if (jobId is null || !waitForJob) return;

        _metrics.JobSubmitted(measured);
        try
        {
            var (status, seenAt) = await _jobs.WaitTerminalAsync(jobId.Value, _abort.Token).ConfigureAwait(false);
            _metrics.JobFinished(measured, status, seenAt - intended);
        }
        catch (Exception e)
        {
            _metrics.JobAbandoned(measured, ErrorKind.Of(e, _abort.IsCancellationRequested, job: true));
        }
    }

    private async Task SampleLoopAsync(TimelineSampler sampler, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_options.SampleInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
                _progress.Sample(sampler.Take(Stopwatch.GetTimestamp(), Interlocked.Read(ref _inFlight)),
                    Interlocked.Read(ref _issued), _metrics.AllErrors.Total);
        }
        catch (OperationCanceledException) { }
    }

    private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
