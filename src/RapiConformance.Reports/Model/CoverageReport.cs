namespace RapiConformance.Reports;

/// <summary>Which operations of the profile the run exercised, and which checks judged each.</summary>
public sealed record CoverageReport(
    int OperationsInProfile,
    int Exercised,
    IReadOnlyList<OperationCoverage> Operations);
