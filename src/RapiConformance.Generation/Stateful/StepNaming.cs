namespace RapiConformance.Generation.Stateful;

/// <summary>
/// Fresh entity names for one execution of a sequence ("fz7x3i-abc"), unique across reruns while
/// shrinking. <see cref="Family"/> is what every name this run makes starts with; in write scope "own" it
/// is the own prefix, and tags get it too, so the clean-up phase finds everything.
/// </summary>
public sealed class StepNaming(string prefix, string family = "fz", string tagPrefix = "")
{
    public string Prefix => prefix;

    public string Family => family;

    public string Fresh(char kind, string suffix) => $"{prefix}{kind}-{suffix}";

    public string Tag(string tag) => tagPrefix + tag;

    public bool Created(string name) => name.StartsWith(family, StringComparison.Ordinal);
}
