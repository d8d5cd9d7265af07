using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace RapiConformance.Live.Tests;

/// <summary>
/// The conformance suites and a fixed fuzz budget against real Ganeti, through the CLI as a person runs
/// them (`check --profile auto --known-deviations known-deviations/ganeti-3.0.yaml`, `fuzz`). Zero
/// unexpected failures: a known deviation is a finding about Ganeti and is reported apart.
/// </summary>
[Collection(LiveCollection.Name)]
[Trait("Category", "Live")]
public sealed class SuiteAndFuzzTests(LiveCluster cluster, ITestOutputHelper output)
{
    [LiveFact]
    public Task Readonly_suite_passes_against_real_Ganeti() => RunSuiteAsync("readonly");

    [LiveFact]
    public Task Full_suite_passes_against_real_Ganeti() => RunSuiteAsync("full");

    [LiveFact]
    public async Task Fixed_fuzz_budget_finds_nothing_against_real_Ganeti()
    {
        cluster.Require();
        var dir = ReportDirectory("fuzz");
        var run = await CliAsync(["fuzz", "--target", LiveCluster.BaseUri.ToString(), "--insecure", "--user", cluster.Users.Writer!.User,
            "--password", cluster.Users.Writer.Password, "--profile", "3.0", "--examples", "150", "--seed", "8", "--workers", "2",
            "--report", dir], TimeSpan.FromMinutes(4));
        output.WriteLine(run.Tail(15));
        Assert.False(run.TimedOut, "fuzz did not finish in 4 minutes");
        Assert.True(run.ExitCode == 0, $"fuzz exit {run.ExitCode}: {run.Tail(10)}");
    }

    private async Task RunSuiteAsync(string suite)
    {
        cluster.Require();
        var dir = ReportDirectory(suite);
        var u = cluster.Users;
        var run = await CliAsync(["check", "--target", LiveCluster.BaseUri.ToString(), "--insecure",
            "--user", u.Writer!.User, "--password", u.Writer.Password,
            "--read-user", $"{u.Reader!.User}:{u.Reader.Password}", .. u.Plain is null ? [] : new[] { "--plain-user", $"{u.Plain.User}:{u.Plain.Password}" },
            "--suite", suite, "--profile", "auto", "--known-deviations", RepositoryLayout.KnownDeviations, "--report", dir], TimeSpan.FromMinutes(4));
        output.WriteLine(run.Tail(40));
        Assert.False(run.TimedOut, $"check --suite {suite} did not finish in 4 minutes");
        var reportFile = Path.Combine(dir, "report.json");
        Assert.True(File.Exists(reportFile), $"no report.json (exit {run.ExitCode}): {run.Tail(10)}");
        var summary = JsonNode.Parse(File.ReadAllText(reportFile))!["summary"]!;
        output.WriteLine($"{suite}: {summary.ToJsonString()}");
        Assert.Equal(0, summary["failed"]!.GetValue<int>());
        Assert.True(summary["passed"]!.GetValue<int>() > 0, "nothing passed");
        Assert.Equal(0, run.ExitCode);
    }

    /// <summary>The CLI; a verb that this build does not have yet skips (with that reason) rather than fails.</summary>
    private static async Task<ProcessRun.Result> CliAsync(string[] args, TimeSpan limit)
    {
        var run = await ProcessRun.CliAsync(args, limit);
        if (run.ExitCode == 2 && run.Stderr.Contains("is not built yet", StringComparison.Ordinal))
        {
            throw new LiveUnavailableException($"the '{args[0]}' verb is not in this build yet");
        }
        return run;
    }

    private static string ReportDirectory(string name)
    {
        var dir = Path.Combine(RepositoryLayout.Root, "reports", "live", name);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
        return dir;
    }
}
