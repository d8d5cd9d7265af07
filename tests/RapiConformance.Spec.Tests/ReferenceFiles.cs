namespace RapiConformance.Spec.Tests;

/// <summary>
/// Finds the shared reference material (shared/reference, shared/seeds) and the repository's spec/ folder by
/// walking up from the test's base directory; /work/shared is the fallback for worktrees outside the repo.
/// </summary>
internal static class ReferenceFiles
{
    private static readonly Lazy<string> SharedDir = new(() =>
        FindUp(AppContext.BaseDirectory, d => Directory.Exists(Path.Combine(d, "shared", "reference")), "shared")
        ?? (Directory.Exists("/work/shared/reference") ? "/work/shared"
            : throw new DirectoryNotFoundException("no shared/reference above " + AppContext.BaseDirectory + " and no /work/shared")));

    private static readonly Lazy<string> RepoDir = new(() =>
        FindUp(AppContext.BaseDirectory, d => File.Exists(Path.Combine(d, "spec", "rapi.openapi.yaml")), null)
        ?? throw new DirectoryNotFoundException("no spec/rapi.openapi.yaml above " + AppContext.BaseDirectory));

    public static string Reference => Path.Combine(SharedDir.Value, "reference");

    public static string Seeds => Path.Combine(SharedDir.Value, "seeds");

    public static string Samples => Path.Combine(Reference, "samples");

    public static string Repository => RepoDir.Value;

    public static string SpecYaml => Path.Combine(Repository, "spec", "rapi.openapi.yaml");

    private static string? FindUp(string start, Func<string, bool> found, string? child)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (found(dir.FullName)) return child is null ? dir.FullName : Path.Combine(dir.FullName, child);
        return null;
    }
}
