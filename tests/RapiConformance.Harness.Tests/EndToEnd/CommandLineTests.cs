using System.Diagnostics;
using RapiConformance.Spec;
using Xunit;

namespace RapiConformance.Harness.Tests;

/// <summary>The `check` verb as a person runs it: exit codes and the report files.</summary>
[Trait("Category", "EndToEnd")]
public sealed class CommandLineTests
{
    internal static async Task<(int Exit, string Out, string Err)> RunCliAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "rapi-conformance.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["CI"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "--target", "not a url")]
    [InlineData("check", "--target", "http://127.0.0.1:9/", "--profile", "9.9")]
    [InlineData("check", "--target", "http://127.0.0.1:9/", "--suite", "no-such-suite")]
    [InlineData("check", "--target", "http://127.0.0.1:9/", "--user", "x")]
    public async Task Usage_errors_exit_2_with_one_line(params string[] args)
    {
        var (exit, _, err) = await RunCliAsync(args);
        Assert.Equal(2, exit);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public async Task Unreachable_target_exits_2()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var (exit, _, err) = await RunCliAsync("check", "--target", $"http://127.0.0.1:{port}/", "--suite", "smoke", "--report", Path.GetTempPath() + "rc-unreach");
        Assert.Equal(2, exit);
        Assert.Contains("cannot connect", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_against_the_reference_server_exits_0_and_writes_the_three_reports_and_baseline_works()
    {
        await using var target = await ReferenceTarget.StartAsync(Profile.V3_0);
        var dir = Path.Combine(Path.GetTempPath(), "rc-cli-" + Guid.NewGuid().ToString("N")[..8]);
        string[] common = ["check", "--target", target.BaseUri.ToString(), "--user", ReferenceTarget.Writer.User, "--password", ReferenceTarget.Writer.Password,
            "--suite", "smoke", "--profile", "auto", "--seed", "3"];
        var (exit, stdout, err) = await RunCliAsync([.. common, "--report", dir]);
        Assert.True(exit == 0, stdout + err);
        Assert.True(File.Exists(Path.Combine(dir, "report.json")));
        Assert.True(File.Exists(Path.Combine(dir, "junit.xml")));
        Assert.True(File.Exists(Path.Combine(dir, "report.html")));
        Assert.Contains("report.html", stdout, StringComparison.Ordinal);
        var again = await RunCliAsync([.. common, "--report", dir + "-2", "--baseline", Path.Combine(dir, "report.json")]);
        Assert.Equal(0, again.Exit);
        Assert.Contains("baseline", again.Out, StringComparison.Ordinal);
    }
}
