using RapiConformance.Server;
using Xunit.Abstractions;

namespace RapiConformance.Interop.Tests;

/// <summary>Ganeti's htools (ganeti-htools-3.0) load the simulated cluster over RAPI and plan without error.</summary>
public sealed class HtoolsTests(ITestOutputHelper output)
{
    [Theory]
    [Trait("Category", "Interop")]
    [InlineData("hbal", 10)]
    [InlineData("hbal", 1000)]
    [InlineData("hspace", 10)]
    [InlineData("hspace", 1000)]
    [InlineData("hcheck", 10)]
    [InlineData("hcheck", 1000)]
    public async Task Htool_loads_the_cluster_and_prints_a_plan(string tool, int instances)
    {
        var path = "/usr/bin/" + tool;
        Assert.True(File.Exists(path), $"install ganeti-htools-3.0 ({path} is missing)");
        var dir = External.TempDir();
        await using var server = await ReferenceServer.StartAsync(new ServerOptions
        {
            Bind = "127.0.0.1", Port = 0, UseTls = false, StateDirectory = dir, Nodes = Math.Max(4, instances / 25), Instances = instances, Seed = 3,
        });
        var url = server.BaseUri.ToString().TrimEnd('/');
        // hbal balances one group at a time; the 1,000-instance cluster has several.
        // hspace is capped at 50 allocation rounds to keep the run short.
        string[] args = tool switch
        {
            "hbal" => ["-m", url, "-G", "default"],
            "hspace" => ["-m", url, "-l", "50"],
            _ => ["-m", url],
        };
        var (code, text) = await External.RunAsync(path, args, TimeSpan.FromMinutes(2));
        output.WriteLine(text);
        Assert.True(code == 0, $"{tool} exited {code}: {text}");
        Assert.DoesNotContain("Error", text, StringComparison.Ordinal);
        var expectedLine = tool switch
        {
            "hbal" => "Loaded ",
            "hspace" => "The cluster has ",
            _ => "",
        };
        Assert.Contains(expectedLine, text, StringComparison.Ordinal);
    }
}
