using RapiConformance.Runner;
using RapiConformance.Spec;
using Xunit;

namespace RapiConformance.Harness.Tests;

/// <summary>The reference server conforms: every suite, every profile, zero failures, and every result present.</summary>
[Trait("Category", "EndToEnd")]
public sealed class SuitesAgainstReferenceServerTests
{
    [Theory]
    [InlineData("2.0")]
    [InlineData("2.5")]
    [InlineData("3.0")]
    public async Task All_three_suites_pass_with_zero_failures(string profileName)
    {
        var profile = Profile.Parse(profileName);
        var problems = new List<string>();
        foreach (var suiteName in new[] { "smoke", "readonly", "full" })
        {
            await using var target = await ReferenceTarget.StartAsync(profile);
            var outcome = await Runs.CheckAsync(target.Options(SuiteLoader.Load(suiteName)));
            var report = outcome.Report;
            if (report.Summary.Failed > 0 || outcome.ExitCode != 0) problems.Add($"{suiteName} on {profileName} (exit {outcome.ExitCode}):\n{Runs.Failures(report)}");
            Assert.True(report.Summary.Passed > 0);
            // Every check of the catalog appears with at least one result.
            Assert.Equal(report.Checks.Select(c => c.Id).Order(), report.Results.Select(r => r.Check).Distinct().Order());
            Assert.Empty(report.CleanupProblems);
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("2.5")]
    [InlineData("3.0")]
    public async Task Profile_auto_detects_the_servers_profile(string profileName)
    {
        var profile = Profile.Parse(profileName);
        await using var target = await ReferenceTarget.StartAsync(profile);
        using var client = new Client.RapiClient(new Client.RapiClientOptions { BaseUri = target.BaseUri, Credentials = ReferenceTarget.Writer });
        var detected = await Checks.ProfileDetector.DetectAsync(client, default);
        Assert.Equal(profile, detected.Profile);
    }
}
