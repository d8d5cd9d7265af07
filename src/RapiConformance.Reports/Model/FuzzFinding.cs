namespace RapiConformance.Reports;

/// <summary>A fuzz failure (filled by the fuzz verb), replayable from (seed, operation, case index).</summary>
public sealed record FuzzFinding(
    string Operation,
    string Check,
    string Message,
    int Seed,
    int CaseIndex,
    RequestRecord? Request,
    ResponseRecord? Response,
    string? Reproduce);
