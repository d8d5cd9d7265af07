namespace RapiConformance.Reports;

/// <summary>Failures compared with an earlier report: only new ones fail the run; fixed ones are listed.</summary>
public sealed record BaselineComparison(
    string File,
    IReadOnlyList<string> NewFailures,
    IReadOnlyList<string> StillFailing,
    IReadOnlyList<string> Fixed);
