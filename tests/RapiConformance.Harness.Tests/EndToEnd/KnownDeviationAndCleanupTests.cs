using RapiConformance.Checks;
using RapiConformance.Client;
using RapiConformance.Runner;
using RapiConformance.Spec;
using Xunit;

namespace RapiConformance.Harness.Tests;

[Trait("Category", "EndToEnd")]
public sealed class KnownDeviationAndCleanupTests
{
    [Fact]
    public async Task A_known_deviation_is_reported_apart_and_does_not_fail_the_run()
    {
        await using var target = await ReferenceTarget.StartAsync(Profile.V3_0, ["method-405"]);
        var suite = SuiteLoader.Load("smoke") with { Checks = ["unsupported-method-501", "read-operations-answer"] };
        var plain = await Runs.CheckAsync(target.Options(suite));
        Assert.Equal(1, plain.ExitCode);
        var known = new KnownDeviations([new KnownDeviations.Entry("unsupported-method-501", null, "this server answers 405")]);
        var tolerated = await Runs.CheckAsync(target.Options(suite) with { KnownDeviations = known });
        Assert.Equal(0, tolerated.ExitCode);
        Assert.Equal(0, tolerated.Report.Summary.Failed);
        Assert.True(tolerated.Report.Summary.KnownDeviations > 0);
        Assert.All(tolerated.Report.Results.Where(r => r.KnownDeviation), r => Assert.Contains("this server answers 405", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_full_suite_removes_what_it_created_even_when_a_lifecycle_fails_half_way()
    {
        await using var target = await ReferenceTarget.StartAsync(Profile.V3_0, ["rename-state-wrong"]);
        var options = target.Options(SuiteLoader.Load("full") with { JobTimeoutSeconds = 10 });
        var outcome = await Runs.CheckAsync(options);
        Assert.Contains(outcome.Report.Results, r => r.Check == "instance-lifecycle" && r.Status == "Fail");
        using var client = new RapiClient(new RapiClientOptions { BaseUri = target.BaseUri, Credentials = ReferenceTarget.Writer });
        var prefix = $"rc{options.Seed}-";
        foreach (var path in new[] { "/2/instances", "/2/groups", "/2/networks" })
        {
            var names = (await client.SendAsync(RapiRequest.Get(path))).ResponseBody;
            Assert.DoesNotContain(prefix, names, StringComparison.Ordinal);
        }
        var tags = (await client.SendAsync(RapiRequest.Get("/2/tags"))).ResponseBody;
        Assert.DoesNotContain(prefix, tags, StringComparison.Ordinal);
        Assert.Empty(outcome.Report.CleanupProblems);
    }
}
