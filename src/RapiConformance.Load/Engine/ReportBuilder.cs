using RapiConformance.Load.Operations;

namespace RapiConformance.Load.Engine;

/// <summary>Assembles the final <see cref="LoadReport"/> from the metrics of a finished run.</summary>
public static class ReportBuilder
{
    public static LoadReport Build(LoadOptions options, LoadOperation operation, RunMetrics m,
        IReadOnlyList<TimelinePoint> timeline, DateTimeOffset startedUtc, string stoppedBy, long issued, double measuredSeconds)
    {
        var perSecond = (long n) => measuredSeconds > 0 ? Math.Round(n / measuredSeconds, 1) : 0;
        return new LoadReport
        {
            StartedUtc = startedUtc,
            Target = options.Target.ToString(),
            Operation = operation.Name,
            OperationDescription = operation.Description,
            Model = options.IsOpenModel ? "open" : "closed",
            AskedPerSecond = options.Rate,
            Concurrency = options.Concurrency,
            WarmupSeconds = options.Warmup.TotalSeconds,
            DurationSeconds = options.Duration.TotalSeconds,
            MeasuredSeconds = Math.Round(measuredSeconds, 3),
            MaxRequests = options.MaxRequests,
            StoppedBy = stoppedBy,
            Issued = issued,
            WarmupIssued = m.SentAll - m.SentMeasured,
            MeasuredSent = m.SentMeasured,
            MeasuredSucceeded = m.SucceededMeasured,
            MeasuredFailed = m.FailedMeasured,
            AchievedPerSecond = perSecond(m.SucceededMeasured),
            ResponseTime = m.Response.Summarise(),
            ServiceTime = m.Service.Summarise(),
            DispatchLag = m.DispatchLag.Summarise(),
            SubmitsJobs = operation.SubmitsJobs,
            JobsSubmitted = m.JobsSubmittedMeasured,
            JobsSucceeded = m.JobsSucceededMeasured,
            JobsFailed = m.JobsFailedMeasured,
            // Submitted jobs not seen to end, whether their watcher was stopped or had not yet unwound.
            JobsUnfinished = Math.Max(m.JobsUnfinishedMeasured, m.JobsSubmittedMeasured - m.JobsSucceededMeasured - m.JobsFailedMeasured),
            JobCompletion = m.JobCompletion.Summarise(),
            JobsCompletedPerSecond = perSecond(m.JobsSucceededMeasured),
            Errors = m.MeasuredErrors.Snapshot(),
            Timeline = timeline,
        };
    }
}
