using RapiConformance.Checks;
using RapiConformance.Client;
using RapiConformance.Spec;

namespace RapiConformance.Runner;

/// <summary>What the engine tells its observers; reporters build everything they show from these.</summary>
public abstract record RunEvent;

/// <summary>The run begins: the target, the profile (detected or given), the suite and the checks it will report on.</summary>
public sealed record RunStarted(
    Uri Target, Profile Profile, string? ProfileDetection, Suite Suite, int Seed,
    IReadOnlyList<Check> Checks, SpecCatalog Catalog, DateTimeOffset At) : RunEvent;

public sealed record CheckStarted(Check Check) : RunEvent;

public sealed record ResultRecorded(Check Check, CheckResult Result) : RunEvent;

public sealed record CheckFinished(Check Check, TimeSpan Duration) : RunEvent;

/// <summary>The run is over: every exchange it made and what clean-up could not undo.</summary>
public sealed record RunFinished(
    IReadOnlyList<Exchange> Exchanges, IReadOnlyList<string> CleanupProblems, DateTimeOffset At) : RunEvent;
