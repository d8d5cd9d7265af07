using System.Diagnostics;
using System.Text.Json;

namespace RapiConformance.Spec.Tests;

/// <summary>`rapi-conformance spec` run as a process: the per-profile table and the JSON catalog.</summary>
public sealed class SpecVerbTests
{
    [Fact]
    public async Task Table_has_one_row_per_profile_with_the_catalog_counts()
    {
        var (code, stdout, _) = await RunAsync("spec");
        Assert.Equal(0, code);
        var catalog = SpecCatalog.Default;
        foreach (var p in Profile.All)
        {
            var ops = catalog.ForProfile(p).ToList();
            var row = stdout.Split('\n').Single(l => l.StartsWith(p.Name + " ", StringComparison.Ordinal));
            var numbers = row.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(int.Parse).ToArray();
            Assert.Equal([ops.Count, ops.Count(o => o.RequestBody is not null), ops.Count(o => o.SuccessSchema(p) is not null),
                          ops.Count(o => o.Writes), ops.Count(o => o.IsJob)], numbers);
        }
        Assert.Contains("3.0", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_for_profile_2_0_lists_its_26_operations()
    {
        var (code, stdout, _) = await RunAsync("spec", "--profile", "2.0", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var ops = doc.RootElement.GetProperty("operations").EnumerateArray().ToList();
        Assert.Equal(26, ops.Count);
        var ids = ops.Select(o => o.GetProperty("id").GetString()).ToHashSet();
        Assert.Contains("getClusterTags", ids);
        Assert.DoesNotContain("getVersion", ids);
        var add = ops.Single(o => o.GetProperty("id").GetString() == "addClusterTags");
        Assert.True(add.GetProperty("job").GetBoolean());
        Assert.Equal("write", add.GetProperty("access").GetString());
        Assert.Equal("OP_TAGS_SET", add.GetProperty("opcode").GetString());
        Assert.Equal("tags", add.GetProperty("body").GetProperty("usage").GetString());
        Assert.Contains(add.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "tag" && p.GetProperty("repeatable").GetBoolean());
        Assert.Contains(add.GetProperty("statuses").EnumerateArray(), s => s.GetInt32() == 403);
    }

    [Fact]
    public async Task Unknown_profile_is_a_usage_error()
    {
        var (code, _, stderr) = await RunAsync("spec", "--profile", "9.9");
        Assert.Equal(2, code);
        Assert.Contains("9.9", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "rapi-conformance.dll");
        Assert.True(File.Exists(dll), "the CLI is not next to the tests: " + dll);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
