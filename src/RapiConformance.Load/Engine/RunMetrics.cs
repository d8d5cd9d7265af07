namespace RapiConformance.Load.Engine;

/// <summary>
/// The counters and histograms of one run. "Measured" figures leave out requests whose intended
/// send time fell in the warm-up; the time series (interval latencies, "All" counters) has everything.
/// </summary>
public sealed class RunMetrics
{
    private long _sentAll, _okAll, _failedAll, _jobsFinishedAll, _jobsPending;
    private long _sentMeasured, _okMeasured, _failedMeasured;
    private long _jobsSubmittedMeasured, _jobsSucceededMeasured, _jobsFailedMeasured, _jobsUnfinishedMeasured;

    public LatencyHistogram Response { get; } = new();
    public LatencyHistogram Service { get; } = new();
    public LatencyHistogram DispatchLag { get; } = new();
    public LatencyHistogram JobCompletion { get; } = new();
    public IntervalLatency IntervalResponse { get; } = new();
    public IntervalLatency IntervalCompletion { get; } = new();
    public ErrorTally AllErrors { get; } = new();
    public ErrorTally MeasuredErrors { get; } = new();

    public long SentAll => Interlocked.Read(ref _sentAll);
    public long SucceededAll => Interlocked.Read(ref _okAll);
    public long FailedAll => Interlocked.Read(ref _failedAll);
    public long JobsFinishedAll => Interlocked.Read(ref _jobsFinishedAll);
    public long JobsPending => Interlocked.Read(ref _jobsPending);
    public long SentMeasured => Interlocked.Read(ref _sentMeasured);
    public long SucceededMeasured => Interlocked.Read(ref _okMeasured);
    public long FailedMeasured => Interlocked.Read(ref _failedMeasured);
    public long JobsSubmittedMeasured => Interlocked.Read(ref _jobsSubmittedMeasured);
    public long JobsSucceededMeasured => Interlocked.Read(ref _jobsSucceededMeasured);
    public long JobsFailedMeasured => Interlocked.Read(ref _jobsFailedMeasured);
    public long JobsUnfinishedMeasured => Interlocked.Read(ref _jobsUnfinishedMeasured);

    /// <summary>A request left <paramref name="lagTicks"/> after its intended send time.</summary>
    public void Sent(bool measured, long lagTicks)
    {
        Interlocked.Increment(ref _sentAll);
        if (!measured) return;
        Interlocked.Increment(ref _sentMeasured);
        DispatchLag.RecordTicks(lagTicks);
    }

    public void Succeeded(bool measured, long responseTicks, long serviceTicks)
    {
        Interlocked.Increment(ref _okAll);
        IntervalResponse.RecordTicks(responseTicks);
        if (!measured) return;
        Interlocked.Increment(ref _okMeasured);
        Response.RecordTicks(responseTicks);
        Service.RecordTicks(serviceTicks);
    }

    public void Failed(bool measured, string kind)
    {
        Interlocked.Increment(ref _failedAll);
        AllErrors.Add(kind);
        if (!measured) return;
        Interlocked.Increment(ref _failedMeasured);
        MeasuredErrors.Add(kind);
    }

    public void JobSubmitted(bool measured)
    {
        Interlocked.Increment(ref _jobsPending);
        if (measured) Interlocked.Increment(ref _jobsSubmittedMeasured);
    }

    public void JobFinished(bool measured, string status, long completionTicks)
    {
        Interlocked.Decrement(ref _jobsPending);
        Interlocked.Increment(ref _jobsFinishedAll);
        var ok = status == "success";
        if (ok) IntervalCompletion.RecordTicks(completionTicks);
        else AllErrors.Add($"job-{status}");
        if (!measured) return;
        if (ok)
        {
            Interlocked.Increment(ref _jobsSucceededMeasured);
            JobCompletion.RecordTicks(completionTicks);
        }
        else
        {
            Interlocked.Increment(ref _jobsFailedMeasured);
            MeasuredErrors.Add($"job-{status}");
        }
    }

    public void JobAbandoned(bool measured, string kind)
    {
        Interlocked.Decrement(ref _jobsPending);
        AllErrors.Add(kind);
        if (!measured) return;
        Interlocked.Increment(ref _jobsUnfinishedMeasured);
        MeasuredErrors.Add(kind);
    }
}
