namespace RapiConformance.Load.Engine;

/// <summary>A progress sink that shows nothing (benchmarks, tests).</summary>
public sealed class SilentProgress : ILoadProgress
{
    public void Phase(string message) { }
    public void Sample(TimelinePoint point, long issued, long errorsTotal) { }
}
