namespace RapiConformance.Reports;

/// <summary>One operation: how many requests reached it, and each check's status on it.</summary>
public sealed record OperationCoverage(
    string Operation,
    string Method,
    string Path,
    int Requests,
    IReadOnlyDictionary<string, string> Checks);
