namespace RapiConformance.Generation.Stateful;

/// <summary>Fresh entity names for one execution of a sequence ("fz7i-abc"), unique across reruns while shrinking.</summary>
public sealed class StepNaming(string prefix)
{
    public string Prefix => prefix;

    public string Fresh(char kind, string suffix) => $"{prefix}{kind}-{suffix}";
}
