using RapiConformance.Runner;
using RapiConformance.Spec;
using Xunit;

namespace RapiConformance.Harness.Tests;

[Trait("Category", "EndToEnd")]
public sealed class ReadonlySuiteTests
{
    [Theory]
    [InlineData("readonly")]
    [InlineData("smoke")]
    public async Task Read_only_suites_never_send_a_write(string suite)
    {
        await using var target = await ReferenceTarget.StartAsync(Profile.V3_0);
        await using var proxy = await WriteRefusingProxy.StartAsync(target.BaseUri);
        var outcome = await Runs.CheckAsync(target.Options(SuiteLoader.Load(suite), through: proxy.BaseUri));
        Assert.Empty(proxy.Refused);
        Assert.True(proxy.Forwarded.Count > 20, $"only {proxy.Forwarded.Count} requests went through the proxy");
        Assert.True(outcome.Report.Summary.Failed == 0, Runs.Failures(outcome.Report));
        Assert.Contains(outcome.Report.Results, r => r.Status == "Disabled" && r.Message.Contains("read-only", StringComparison.Ordinal) || suite == "smoke");
    }

    [Fact]
    public async Task The_proxy_would_catch_a_write()
    {
        // The guard itself is tested: the full suite through the same proxy is caught writing.
        await using var target = await ReferenceTarget.StartAsync(Profile.V3_0);
        await using var proxy = await WriteRefusingProxy.StartAsync(target.BaseUri);
        var suite = SuiteLoader.Parse("checks: [tags-round-trip]\nwrites: true\ntime-limit-seconds: 30\njob-timeout-seconds: 5\n", "writes");
        await Runs.CheckAsync(target.Options(suite, through: proxy.BaseUri));
        Assert.NotEmpty(proxy.Refused);
    }
}
