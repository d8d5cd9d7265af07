using RapiConformance.Runner;
using RapiConformance.Spec;
using Xunit;

namespace RapiConformance.Harness.Tests;

/// <summary>HTTPS: a self-signed server is refused by default, accepted with --insecure or with its certificate as --ca-cert.</summary>
[Trait("Category", "EndToEnd")]
public sealed class TlsTests
{
    [Fact]
    public async Task Self_signed_server_is_trusted_only_when_told_to()
    {
        await using var target = await ReferenceTarget.StartAsync(Profile.V3_0, tls: true);
        Assert.Equal("https", target.BaseUri.Scheme);
        var smoke = SuiteLoader.Load("smoke");

        var untrusted = await Runs.CheckAsync(target.Options(smoke));
        Assert.Equal(1, untrusted.ExitCode);
        Assert.Contains(untrusted.Report.Results, r => r.Check == "transport-sound" && r.Status == "Fail");

        var insecure = await Runs.CheckAsync(target.Options(smoke) with { Client = target.Options(smoke).Client with { Insecure = true } });
        Assert.True(insecure.ExitCode == 0, Runs.Failures(insecure.Report));

        var pinned = await Runs.CheckAsync(target.Options(smoke) with { Client = target.Options(smoke).Client with { CaCertificatePath = target.CertificateFile } });
        Assert.True(pinned.ExitCode == 0, Runs.Failures(pinned.Report));
    }
}
