using System.Diagnostics;
using RapiConformance.Spec;
using Xunit;

namespace RapiConformance.Harness.Tests;

/// <summary>
/// The tool as a user installs it: `dotnet pack` makes the `rapi-conformance` .NET tool, `dotnet tool install`
/// installs it from that package alone, and the installed command checks a reference server from a directory
/// outside the repository, with a known-deviation file given by name.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ToolPackageTests
{
    [Fact]
    public async Task The_packed_tool_installs_and_checks_a_reference_server_from_outside_the_repository()
    {
        var scratch = Directory.CreateTempSubdirectory("rc-tool-");
        try
        {
            var packages = Path.Combine(scratch.FullName, "packages");
            var toolDir = Path.Combine(scratch.FullName, "tool");
            var (packExit, packOut) = await RunAsync(Dotnet, scratch.FullName, TimeSpan.FromMinutes(4),
                "pack", Path.Combine(RepositoryRoot, "src", "RapiConformance.Cli", "RapiConformance.Cli.csproj"),
                "-c", Configuration, "--no-build", "--no-restore", "-o", packages, "-nologo");
            Assert.True(packExit == 0, packOut);
            Assert.Single(Directory.GetFiles(packages, "rapi-conformance.*.nupkg"));

            // Only the package just made: no feed, no repository, no network.
            var config = Path.Combine(scratch.FullName, "nuget.config");
            await File.WriteAllTextAsync(config,
                $"<?xml version=\"1.0\" encoding=\"utf-8\"?><configuration><packageSources><clear /><add key=\"local\" value=\"{packages}\" /></packageSources></configuration>");
            var (installExit, installOut) = await RunAsync(Dotnet, scratch.FullName, TimeSpan.FromMinutes(2),
                "tool", "install", "rapi-conformance", "--tool-path", toolDir, "--configfile", config);
            Assert.True(installExit == 0, installOut);
            var tool = Path.Combine(toolDir, "rapi-conformance");
            Assert.True(File.Exists(tool), installOut);

            await using var target = await ReferenceTarget.StartAsync(Profile.V3_0, tls: true);
            var work = Directory.CreateDirectory(Path.Combine(scratch.FullName, "elsewhere")).FullName;
            var report = Path.Combine(work, "report");
            var (exit, output) = await RunAsync(tool, work, TimeSpan.FromMinutes(3),
                "check", "--target", target.BaseUri.ToString(), "--ca-cert", target.CertificateFile,
                "--user", ReferenceTarget.Writer.User, "--suite", "smoke", "--profile", "auto",
                "--known-deviations", "ganeti-3.0", "--report", report);
            Assert.True(exit == 0, output);
            foreach (var file in new[] { "report.json", "junit.xml", "report.html" })
                Assert.True(File.Exists(Path.Combine(report, file)), $"{file} missing; {output}");

            // A name that is neither a file nor built in: one line naming what is built in, exit 2.
            var (badExit, badOutput) = await RunAsync(tool, work, TimeSpan.FromMinutes(1),
                "check", "--target", target.BaseUri.ToString(), "--ca-cert", target.CertificateFile,
                "--user", ReferenceTarget.Writer.User, "--suite", "smoke", "--known-deviations", "ganeti-9.9");
            Assert.Equal(2, badExit);
            Assert.Contains("ganeti-3.0", badOutput, StringComparison.Ordinal);
        }
        finally
        {
            try
            {
                scratch.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The dotnet host running these tests (testhost runs under it).</summary>
    private static string Dotnet =>
        Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";

    /// <summary>Release or Debug, whichever these tests were built in (the CLI was built beside them).</summary>
    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

    private static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "RapiConformance.sln"))) return dir.FullName;
            throw new InvalidOperationException("RapiConformance.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string workingDirectory, TimeSpan limit, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["CI"] = "true";
        start.Environment["RAPI_PASSWORD"] = ReferenceTarget.Writer.Password;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // The installed tool's launcher finds the runtime through DOTNET_ROOT when dotnet is not in a default place.
        if (Path.GetDirectoryName(Dotnet) is { Length: > 0 } root) start.Environment["DOTNET_ROOT"] = root;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not exit within {limit}");
        }
        return (process.ExitCode, $"{await stdout}\n{await stderr}");
    }
}
