namespace RapiConformance.Load.Tests;

public class TargetGuardTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080/")]
    [InlineData("https://127.10.20.30/")]
    [InlineData("http://localhost:1234/")]
    [InlineData("http://[::1]:5080/")]
    public void Loopback_targets_are_allowed(string url) => Assert.Null(TargetGuard.Refusal(new Uri(url), allowRemote: false));

    [Theory]
    [InlineData("http://10.0.0.1:5080/")]
    [InlineData("http://192.168.1.10/")]
    [InlineData("https://cluster.example.org:5080/")]
    [InlineData("http://[2001:db8::1]/")]
    [InlineData("http://127.0.0.1.example.org/")]
    public void Other_targets_are_refused_without_allow_remote(string url)
    {
        var refusal = TargetGuard.Refusal(new Uri(url), allowRemote: false);
        Assert.NotNull(refusal);
        Assert.Contains("--allow-remote", refusal);
        Assert.Null(TargetGuard.Refusal(new Uri(url), allowRemote: true));
    }

    [Fact]
    public void Non_http_schemes_are_refused_even_with_allow_remote() =>
        Assert.NotNull(TargetGuard.Refusal(new Uri("ftp://127.0.0.1/"), allowRemote: true));
}
