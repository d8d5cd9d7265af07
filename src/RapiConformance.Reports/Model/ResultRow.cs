namespace RapiConformance.Reports;

/// <summary>One (check, operation) verdict with the exchange that shows it and a curl command that replays it.</summary>
public sealed record ResultRow(
    string Check,
    string? Operation,
    string Status,
    string Severity,
    string Message,
    bool KnownDeviation,
    RequestRecord? Request,
    ResponseRecord? Response,
    string? Reproduce)
{
    public string Key => $"{Check}|{Operation ?? "-"}";
}
