namespace RapiConformance.Differential;

/// <summary>Everything a differential run needs; <see cref="A"/> is usually the reference, <see cref="B"/> real Ganeti.</summary>
public sealed record DiffOptions(
    DiffEndpoint A,
    DiffEndpoint B,
    bool Insecure = false,
    TimeSpan? RequestTimeout = null,
    TimeSpan? JobBudget = null,
    bool IncludeWrites = true,
    string? RunSuffix = null);
