namespace RapiConformance.Live.Tests;

/// <summary>Where things are: the repository (found by walking up to RapiConformance.sln), the CLI build, shared/ganeti-live.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindUp(AppContext.BaseDirectory, d => File.Exists(Path.Combine(d, "RapiConformance.sln")))
        ?? throw new InvalidOperationException("RapiConformance.sln not found above " + AppContext.BaseDirectory);

    /// <summary>The CLI built in the same configuration as these tests ($RAPI_LIVE_CLI names another build).</summary>
    public static string CliDll
    {
        get
        {
            if (Environment.GetEnvironmentVariable("RAPI_LIVE_CLI") is { Length: > 0 } other)
            {
                return other;
            }
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}",
                StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(Root, "src", "RapiConformance.Cli", "bin", configuration, "net10.0", "rapi-conformance.dll");
        }
    }

    public static string KnownDeviations => Path.Combine(Root, "known-deviations", "ganeti-3.0.yaml");

    public static string DiffAllowList => Path.Combine(Root, "known-deviations", "diff-reference-vs-ganeti-3.0.yaml");

    /// <summary>shared/ganeti-live, looked for in every directory above the repository (worktrees sit in a sibling folder).</summary>
    public static string? GanetiLive =>
        FindUp(Root, d => File.Exists(Path.Combine(d, "shared", "ganeti-live", "start.sh"))) is { } d
            ? Path.Combine(d, "shared", "ganeti-live")
            : null;

    private static string? FindUp(string start, Func<string, bool> found)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (found(dir.FullName))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
