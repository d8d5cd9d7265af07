using System.Diagnostics;
using RapiConformance.Runner;
using RapiConformance.Spec;
using Xunit;

namespace RapiConformance.Harness.Tests;

/// <summary>report.html opens in headless Chromium (Debian package `chromium`), its script runs without errors, and it shows the failures.</summary>
[Trait("Category", "Browser")]
public sealed class HtmlReportInBrowserTests
{
    private static async Task<(int Exit, string Out, string Err)> ChromiumAsync(params string[] args)
    {
        var exe = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
                  ?? throw new InvalidOperationException("chromium is not installed (apt-get install -y chromium)");
        var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--enable-logging=stderr", "--v=0" }.Concat(args))
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { process.Kill(true); throw; }
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Report_html_renders_in_headless_chromium_without_script_errors_and_shows_the_failures()
    {
        await using var target = await ReferenceTarget.StartAsync(Profile.V3_0, ["method-405"]);
        var outcome = await Runs.CheckAsync(target.Options(SuiteLoader.Load("smoke") with { Checks = ["unsupported-method-501", "read-operations-answer", "error-body-form"] }));
        Assert.Equal(1, outcome.ExitCode);
        var html = outcome.Files!.Html;
        var url = new Uri(html).AbsoluteUri;

        var dom = await ChromiumAsync("--dump-dom", url);
        Assert.Contains("data-report-ready=\"yes\"", dom.Out, StringComparison.Ordinal);
        Assert.Contains("unsupported-method-501", dom.Out, StringComparison.Ordinal);
        Assert.Matches("results shown", dom.Out);
        Assert.DoesNotContain("Uncaught", dom.Err, StringComparison.Ordinal);

        var png = Path.Combine(Path.GetDirectoryName(html)!, "report.png");
        var shot = await ChromiumAsync("--window-size=1280,2000", "--screenshot=" + png, url);
        Assert.True(File.Exists(png), shot.Err);
        Assert.True(new FileInfo(png).Length > 10_000, $"screenshot is only {new FileInfo(png).Length} bytes");
        Assert.DoesNotContain("Uncaught", shot.Err, StringComparison.Ordinal);
    }
}
