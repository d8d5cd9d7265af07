using System.Diagnostics;

namespace RapiConformance.Load.Engine;

/// <summary>Turns the running counters into one <see cref="TimelinePoint"/> per interval.</summary>
public sealed class TimelineSampler(RunMetrics metrics, LoadOptions options, long start, long warmupEnd)
{
    private readonly long _start = start;
    private readonly List<TimelinePoint> _points = [];
    private readonly Lock _gate = new();
    private long _lastAt = start, _lastSent, _lastOk, _lastFailed, _lastJobs;

    public IReadOnlyList<TimelinePoint> Points
    {
        get { lock (_gate) return _points.ToArray(); }
    }

    public TimelinePoint Take(long now, long inFlight = 0)
    {
        lock (_gate)
        {
            var seconds = Math.Max(1e-9, (now - _lastAt) / (double)Stopwatch.Frequency);
            long sent = metrics.SentAll, ok = metrics.SucceededAll, failed = metrics.FailedAll, jobs = metrics.JobsFinishedAll;
            var point = new TimelinePoint(
                Seconds: Math.Round((now - _start) / (double)Stopwatch.Frequency, 3),
                Warmup: now <= warmupEnd && warmupEnd > _start,
                Sent: sent - _lastSent,
                Succeeded: ok - _lastOk,
                Failed: failed - _lastFailed,
                AskedPerSecond: options.Rate,
                AchievedPerSecond: Math.Round((ok - _lastOk) / seconds, 1),
                Response: metrics.IntervalResponse.TakeInterval(),
                JobsFinished: jobs - _lastJobs,
                JobCompletion: metrics.IntervalCompletion.TakeInterval(),
                JobBacklog: metrics.JobsPending,
                InFlight: inFlight);
            (_lastAt, _lastSent, _lastOk, _lastFailed, _lastJobs) = (now, sent, ok, failed, jobs);
            _points.Add(point);
            return point;
        }
    }
}
