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

    /// <summary>Reads only (write scope "own" still keeps non-ASCII out of the job-submitting GETs).</summary>
    [LiveFact]
    public async Task Fixed_readonly_fuzz_budget_finds_only_known_deviations()
    {
        cluster.Require();
        using var clusterLock = await LiveLock.AcquireAsync(TimeSpan.FromMinutes(10));
        var (run, fuzz) = await FuzzAsync("fuzz", ["--readonly", "--examples", "80", "--seed", "8"], TimeSpan.FromMinutes(3));
        Assert.True(run.ExitCode is 0 or 1, $"fuzz exit {run.ExitCode}");
        AssertOnlyKnownDeviations(fuzz, 80);
    }

    /// <summary>
    /// Writes, in write scope "own" (the CLI's default): positive and mutated writes, the stateful phase on
    /// the fuzzer's own instances, groups, networks and tags, then the clean-up phase. The cluster's entity
    /// lists (instances, groups, networks with their tags, and the cluster's tags) must be the same after
    /// as before, read under the same lock.
    /// </summary>
    [LiveFact]
    public async Task Fixed_write_fuzz_budget_finds_only_known_deviations_and_leaves_the_cluster_as_it_was()
    {
        cluster.Require();
        using var clusterLock = await LiveLock.AcquireAsync(TimeSpan.FromMinutes(10));
        var before = await EntityLists.ReadAsync(cluster.Users.Writer!.User, cluster.Users.Writer.Password);
        var (run, fuzz) = await FuzzAsync("fuzz-writes", ["--examples", "100", "--seed", "9"], TimeSpan.FromMinutes(8));
        var after = await EntityLists.ReadAsync(cluster.Users.Writer!.User, cluster.Users.Writer.Password);
        output.WriteLine($"entity lists before: {before.Count} lines, after: {after.Count} lines");
        foreach (var line in run.Stdout.Split('\n').Where(l => l.StartsWith("set-up:", StringComparison.Ordinal) || l.StartsWith("cleanup:", StringComparison.Ordinal)))
        {
            output.WriteLine(line);
        }
        Assert.Contains("writes only on own entities", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("cleanup: removed", run.Stdout, StringComparison.Ordinal);
        Assert.True(fuzz["sequenceSteps"]!.GetValue<int>() > 0, "the stateful phase wrote nothing");
        Assert.Equal(before, after);
        AssertOnlyKnownDeviations(fuzz, 100);
    }

    private async Task<(ProcessRun.Result Run, JsonNode Fuzz)> FuzzAsync(string name, string[] extra, TimeSpan limit)
    {
        var dir = ReportDirectory(name);
        var run = await CliAsync(["fuzz", "--target", LiveCluster.BaseUri.ToString(), "--insecure", "--user", cluster.Users.Writer!.User,
            "--password", cluster.Users.Writer.Password, "--profile", "3.0", "--workers", "2", "--report", dir, .. extra], limit);
        output.WriteLine(run.Tail(12));
        Assert.False(run.TimedOut, $"fuzz did not finish in {limit.TotalMinutes:0} minutes");
        var fuzzFile = Path.Combine(dir, "fuzz.json");
        Assert.True(File.Exists(fuzzFile), $"no fuzz.json (exit {run.ExitCode}): {run.Tail(10)}");
        return (run, JsonNode.Parse(File.ReadAllText(fuzzFile))!);
    }

    private void AssertOnlyKnownDeviations(JsonNode fuzz, int minimumCases)
    {
        var known = KnownDeviationList.Load(RepositoryLayout.KnownDeviations);
        var failures = fuzz["failures"]!.AsArray().Select(f => (Kind: (string)f!["kind"]!, Operation: (string?)f["operationId"], Message: (string?)f["message"])).ToList();
        var unexpected = failures.Where(f => !known.Covers(f.Kind, f.Operation, f.Message)).ToList();
        output.WriteLine($"fuzz: {fuzz["cases"]} cases, {fuzz["withheldCases"]} withheld, {failures.Count} failures, {failures.Count - unexpected.Count} known deviations, {unexpected.Count} unexpected");
        foreach (var f in unexpected)
        {
            output.WriteLine($"UNEXPECTED {f.Kind} {f.Operation}: {f.Message}");
        }
        // Cases the write scope does not allow are drawn but not sent (withheld): together they are the budget.
        Assert.True(fuzz["cases"]!.GetValue<long>() + fuzz["withheldCases"]!.GetValue<long>() >= minimumCases, "the fuzz budget was not spent");
        Assert.Empty(unexpected);
    }

    private async Task RunSuiteAsync(string suite)
    {
        cluster.Require();
        var dir = ReportDirectory(suite);
        var u = cluster.Users;
        var run = await CliAsync(["check", "--target", LiveCluster.BaseUri.ToString(), "--insecure",
            "--user", u.Writer!.User, "--password", u.Writer.Password,
            "--read-user", $"{u.Reader!.User}:{u.Reader.Password}", .. u.Plain is null ? [] : new[] { "--plain-user", $"{u.Plain.User}:{u.Plain.Password}" },
            "--suite", suite, "--profile", "auto", "--known-deviations", RepositoryLayout.KnownDeviations, "--report", dir], TimeSpan.FromMinutes(7));
        output.WriteLine(run.Tail(40));
        Assert.False(run.TimedOut, $"check --suite {suite} did not finish in 7 minutes");
        var reportFile = Path.Combine(dir, "report.json");
        Assert.True(File.Exists(reportFile), $"no report.json (exit {run.ExitCode}): {run.Tail(10)}");
        var summary = JsonNode.Parse(File.ReadAllText(reportFile))!["summary"]!;
        output.WriteLine($"{suite}: {summary.ToJsonString()}");
        Assert.Equal(0, summary["failed"]!.GetValue<int>());
        Assert.True(summary["passed"]!.GetValue<int>() > 0, "nothing passed");
        Assert.Equal(0, run.ExitCode);
    }

    /// <summary>The CLI; a verb that this build does not have yet (its placeholder) skips with that reason rather than fails.</summary>
    private static async Task<ProcessRun.Result> CliAsync(string[] args, TimeSpan limit)
    {
        var probe = await ProcessRun.CliAsync([args[0]], TimeSpan.FromSeconds(30));
        if (probe.Stderr.Contains("is not built yet", StringComparison.Ordinal))
        {
            throw new LiveUnavailableException($"the '{args[0]}' verb is not in this build yet");
        }
        return await ProcessRun.CliAsync(args, limit);
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
