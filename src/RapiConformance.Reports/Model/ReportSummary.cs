namespace RapiConformance.Reports;

/// <summary>Counts over the results. Failed excludes known deviations, which are counted apart.</summary>
public sealed record ReportSummary(
    int Checks,
    int Results,
    int Passed,
    int Failed,
    int Skipped,
    int Disabled,
    int KnownDeviations,
    int MustFailures,
    int Requests,
    double DurationSeconds);
