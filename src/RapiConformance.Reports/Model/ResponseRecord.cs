namespace RapiConformance.Reports;

/// <summary>What came back: status (null when nothing usable did), headers, a body excerpt, the time taken.</summary>
public sealed record ResponseRecord(
    int? Status,
    IReadOnlyDictionary<string, string> Headers,
    string Excerpt,
    double DurationMs,
    string? TransportError);
