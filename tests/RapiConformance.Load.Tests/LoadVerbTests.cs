using System.Text.Json;

namespace RapiConformance.Load.Tests;

/// <summary>The `load` verb end to end: usage errors (exit 2, one line), a short run, and Ctrl-C.</summary>
[Collection(TimingCollection.Name)]
public class LoadVerbTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { new[] { "load", "--op", "tag-add", "--rate", "10/s" }, "--target" },
        { new[] { "load", "--target", "http://127.0.0.1:9/", "--op", "no-such-op", "--rate", "10/s" }, "unknown operation" },
        { new[] { "load", "--target", "http://10.20.30.40:5080/", "--op", "tag-add", "--rate", "10/s" }, "loopback" },
        { new[] { "load", "--target", "http://127.0.0.1:9/", "--op", "tag-add", "--rate", "fast" }, "--rate" },
        { new[] { "load", "--target", "http://127.0.0.1:9/", "--op", "tag-add" }, "--rate is required" },
        { new[] { "load", "--target", "http://127.0.0.1:9/", "--op", "tag-add", "--rate", "5/s", "--duration", "soon" }, "--duration" },
        { new[] { "load", "--target", "http://127.0.0.1:9/", "--op", "tag-add", "--concurrency", "0" }, "--concurrency" },
        { new[] { "load", "--target", "not a url", "--op", "tag-add", "--rate", "5/s" }, "--target" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task Usage_errors_exit_2_with_one_line(string[] args, string mentions)
    {
        var (code, stdout, stderr) = await CliProcess.RunAsync(Limit, args);
        Assert.Equal(2, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(mentions, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("load: ", stdout, StringComparison.Ordinal); // refused before any request
    }

    [Fact]
    public async Task An_unreachable_target_is_one_line_and_exit_2()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // a loopback port with nobody listening
        var (code, _, stderr) = await CliProcess.RunAsync(Limit, "load", "--target", $"http://127.0.0.1:{port}/", "--op", "tag-add", "--rate", "5/s", "--duration", "1s");
        Assert.Equal(2, code);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot reach", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_run_writes_report_json_and_html_and_plain_progress()
    {
        await using var server = await FakeRapiServer.StartAsync();
        var dir = Directory.CreateTempSubdirectory("load-verb-").FullName;
        var (code, stdout, stderr) = await CliProcess.RunAsync(Limit, "load", "--target", server.BaseUri.ToString(), "--user", "u", "--password", "p",
            "--op", "tag-add", "--rate", "40/s", "--duration", "1s", "--warmup", "0.5s", "--report", dir);

        Assert.True(code == 0, stderr);
        Assert.Contains("load: t=", stdout, StringComparison.Ordinal);     // plain progress lines when not a terminal
        Assert.DoesNotContain("\u001b[", stdout, StringComparison.Ordinal); // and no terminal control codes
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "report.json")));
        var root = json.RootElement;
        Assert.Equal("tag-add", root.GetProperty("operation").GetString());
        Assert.Equal(60, root.GetProperty("issued").GetInt64());
        Assert.Equal(40, root.GetProperty("measuredSent").GetInt64());
        Assert.Equal(40, root.GetProperty("jobsSucceeded").GetInt64());
        Assert.True(root.GetProperty("responseTime").GetProperty("p99").GetDouble() > 0);
        Assert.True(File.Exists(Path.Combine(dir, "report.html")));
    }

    [Fact]
    public async Task Ctrl_c_stops_the_run_and_still_writes_the_results()
    {
        await using var server = await FakeRapiServer.StartAsync();
        var dir = Directory.CreateTempSubdirectory("load-sigint-").FullName;
        using var cli = new CliProcess("load", "--target", server.BaseUri.ToString(), "--op", "read-nodes-bulk",
            "--rate", "50/s", "--duration", "60s", "--warmup", "0s", "--report", dir);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!cli.Stdout.Contains("load: t=", StringComparison.Ordinal) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Contains("load: t=", cli.Stdout, StringComparison.Ordinal);

        var interrupted = DateTime.UtcNow;
        cli.Interrupt();
        await cli.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(DateTime.UtcNow - interrupted < TimeSpan.FromSeconds(10), "stopped promptly");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "report.json")));
        Assert.Equal("interrupted", json.RootElement.GetProperty("stoppedBy").GetString());
        Assert.True(json.RootElement.GetProperty("measuredSucceeded").GetInt64() > 0);
        Assert.True(File.Exists(Path.Combine(dir, "report.html")));
    }
}
