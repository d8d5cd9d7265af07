namespace RapiConformance.Reports;

/// <summary>A difference between two servers (filled by the diff verb).</summary>
public sealed record DiffFinding(
    string Operation,
    string Request,
    string Left,
    string Right,
    string Difference);
