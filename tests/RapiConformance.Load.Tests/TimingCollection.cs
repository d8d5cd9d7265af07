namespace RapiConformance.Load.Tests;

/// <summary>
/// Tests whose assertions involve wall-clock timing run one after the other, so they do not
/// compete with each other for the two cores (the thresholds are loose enough for a busy machine).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "timing";
}
