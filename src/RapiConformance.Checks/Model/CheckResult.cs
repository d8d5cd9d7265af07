using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>The verdict of one check on one operation (or on the server as a whole when OperationId is null).</summary>
public sealed record CheckResult(
    string CheckId,
    string? OperationId,
    ResultStatus Status,
    string Message,
    Exchange? Evidence = null)
{
    public Severity Severity { get; init; } = Severity.Must;

    /// <summary>Listed in the known-deviations file: reported apart and not counted against the run.</summary>
    public bool KnownDeviation { get; init; }
}
