namespace RapiConformance.Generation.Running;

/// <summary>How the fuzzer recognises what it created on a shared cluster: a name (or tag) prefix.</summary>
public static class OwnEntities
{
    public const string Prefix = "rcfz-";

    public static bool Owns(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);
}
