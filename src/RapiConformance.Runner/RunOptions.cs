using RapiConformance.Checks;
using RapiConformance.Client;
using RapiConformance.Spec;

namespace RapiConformance.Runner;

/// <summary>One run: where, as whom, which profile and suite, and the knobs the CLI exposes.</summary>
public sealed record RunOptions
{
    public required RapiClientOptions Client { get; init; }
    public required Suite Suite { get; init; }

    /// <summary>Null means detect it from /version and /2/features (--profile auto).</summary>
    public Profile? Profile { get; init; }

    public int Seed { get; init; } = 1;
    public int? Concurrency { get; init; }
    public TargetUsers Users { get; init; } = new();
    public KnownDeviations KnownDeviations { get; init; } = KnownDeviations.None;
    public SpecCatalog Catalog { get; init; } = SpecCatalog.Default;

    /// <summary>Per-request time-out from --timeout; overrides the suite's.</summary>
    public TimeSpan? RequestTimeout { get; init; }
}
