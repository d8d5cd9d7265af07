namespace RapiConformance.Reports;

/// <summary>A check as the catalog declares it.</summary>
public sealed record CheckInfo(
    string Id,
    string Title,
    string Requirement,
    string Source,
    string Severity,
    IReadOnlyList<string> Profiles,
    bool Writes);
