using System.Diagnostics;
using System.Text.RegularExpressions;
using RapiConformance.Load.Reporting;

namespace RapiConformance.Load.Tests;

/// <summary>
/// Opens the HTML report of a real (short) run in headless Chromium and reads back the DOM after its
/// script ran: the three charts must be drawn as SVG polylines. Needs the Debian package `chromium`.
/// </summary>
[Trait("Category", "Browser")]
[Collection(TimingCollection.Name)]
public class HtmlReportInBrowserTests
{
    [Fact]
    public async Task The_report_page_draws_its_three_charts_in_chromium()
    {
        await using var server = await FakeRapiServer.StartAsync();
        var options = LoadRun.Options(server, op: "tag-add", rate: 50, seconds: 1.5, warmup: 0.5);
        var report = await LoadRun.RunAsync(options);
        var dir = Directory.CreateTempSubdirectory("load-html-").FullName;
        var (_, html) = await LoadReportJson.WriteAsync(report, dir, CancellationToken.None);
        Assert.DoesNotContain("http://", File.ReadAllText(html).Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal)
            .Replace(server.BaseUri.ToString(), "", StringComparison.Ordinal), StringComparison.Ordinal); // self-contained
        Assert.DoesNotContain("https://", File.ReadAllText(html), StringComparison.Ordinal);

        var dom = await ChromiumAsync(dir, "--dump-dom", new Uri(html).AbsoluteUri);

        foreach (var chart in new[] { "chart-latency", "chart-throughput", "chart-backlog" })
        {
            var svg = Regex.Match(dom, $"<svg[^>]*id=\"{chart}\"[^>]*>(.*?)</svg>", RegexOptions.Singleline);
            Assert.True(svg.Success, $"{chart} is missing from the rendered page");
            var drawn = Regex.Match(svg.Value, "data-drawn=\"(\\d+)\"");
            Assert.True(drawn.Success, $"{chart} was not drawn (no data-drawn attribute: the script did not run)");
            Assert.True(int.Parse(drawn.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 2, $"{chart}: {drawn.Value}");
            var lines = Regex.Matches(svg.Value, "<polyline[^>]*points=\"([^\"]+)\"");
            Assert.True(lines.Count >= 2, $"{chart} has {lines.Count} polylines");
            Assert.All(lines, l => Assert.True(l.Groups[1].Value.Split(' ').Length >= 2, $"{chart}: a line of one point"));
            var points = lines.Sum(l => l.Groups[1].Value.Split(' ').Length);
            Assert.True(points >= report.Timeline.Count, $"{chart}: {points} points for {report.Timeline.Count} intervals");
            Assert.DoesNotContain("NaN", svg.Value, StringComparison.Ordinal);
        }

        // A screenshot too, for a person to look at (kept beside the report).
        await ChromiumAsync(dir, $"--screenshot={Path.Combine(dir, "report.png")}", "--window-size=1000,1800", new Uri(html).AbsoluteUri);
        Assert.True(new FileInfo(Path.Combine(dir, "report.png")).Length > 10_000);
    }

    private static async Task<string> ChromiumAsync(string profileParent, params string[] args)
    {
        var exe = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("headless Chromium is needed for this test: apt-get install -y chromium");
        var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     $"--user-data-dir={Path.Combine(profileParent, "chromium-profile")}", "--virtual-time-budget=5000" })
            info.ArgumentList.Add(a);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try { await process.WaitForExitAsync(limit.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw new TimeoutException("chromium did not finish in 60 s"); }
        Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
