using RapiConformance.Generation.Oracle;
using RapiConformance.Generation.Running;
using RapiConformance.Spec;
using Xunit;
using Xunit.Abstractions;

namespace RapiConformance.Generation.Tests;

/// <summary>
/// Fuzzing the reference server without faults, on every profile: it must find nothing at all (the
/// five-minute runs per profile are in docs/fuzz.md; this is the short form that runs in CI).
/// </summary>
[Trait("Category", "Slow")]
public sealed class CleanServerTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("2.0", 7UL)]
    [InlineData("2.5", 8UL)]
    [InlineData("3.0", 9UL)]
    public async Task A_fuzz_run_against_the_clean_server_finds_nothing(string profileName, ulong seed)
    {
        var profile = Profile.Parse(profileName);
        await using var target = await LocalTarget.StartAsync([], profile: profile);
        var options = new FuzzOptions { Seed = seed, Budget = TimeSpan.FromSeconds(30), Workers = 16, Profile = profile };
        var report = await new FuzzRun(SpecCatalog.Default, target.Sender, options, LocalTarget.User).RunAsync(CancellationToken.None);
        output.WriteLine($"{report.Cases} cases, {report.Sequences} sequences, {report.Requests} requests, {report.RequestsPerSecond} req/s");
        foreach (var f in report.Failures) output.WriteLine($"{f.Kind} {f.OperationId}: {f.Message}\n  {f.ShrunkInput}");
        Assert.True(report.Cases > 100 && report.Sequences > 0 && report.SequenceSteps > 0, "the run did too little to mean anything");
        Assert.True(report.Failures.Count == 0, string.Join("\n", report.Failures.Select(f => $"{f.Kind} {f.OperationId}: {f.Message} -- {f.ShrunkInput}")));
    }
}
