namespace RapiConformance.Runner;

/// <summary>What a suite runs: which checks (others are reported Disabled), which operations, budgets and limits.</summary>
public sealed record Suite
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";

    /// <summary>False: every writing check is Disabled, and the run sends only GET requests.</summary>
    public bool Writes { get; init; }

    /// <summary>Check ids to run; "*" means every check in the catalog.</summary>
    public IReadOnlyList<string> Checks { get; init; } = ["*"];

    /// <summary>Check ids reported as Disabled even when <see cref="Checks"/> selects them.</summary>
    public IReadOnlyList<string> Disabled { get; init; } = [];

    /// <summary>Operation ids whose results count; "*" means all. Results for others are reported Disabled.</summary>
    public IReadOnlyList<string> Operations { get; init; } = ["*"];

    /// <summary>Example budget: how many items of a list a sampling check looks at.</summary>
    public int Examples { get; init; } = 3;

    public int Concurrency { get; init; } = 4;
    public int TimeLimitSeconds { get; init; } = 300;
    public int RequestTimeoutSeconds { get; init; } = 30;
    public int JobTimeoutSeconds { get; init; } = 60;

    public bool Selects(string checkId) =>
        (Checks.Contains("*") || Checks.Contains(checkId)) && !Disabled.Contains(checkId);

    public bool CoversOperation(string? operationId) =>
        operationId is null || Operations.Contains("*") || Operations.Contains(operationId);
}
