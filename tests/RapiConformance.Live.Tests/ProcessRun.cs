using System.Diagnostics;
using System.Text;

namespace RapiConformance.Live.Tests;

/// <summary>Runs a process with a time limit and keeps its output; kills only the process tree it started.</summary>
public static class ProcessRun
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, bool TimedOut)
    {
        public string Tail(int lines = 30) =>
            string.Join('\n', (Stdout + "\n" + Stderr).Split('\n').TakeLast(lines));
    }

    public static async Task<Result> RunAsync(string file, IEnumerable<string> args, TimeSpan limit, string? workingDirectory = null,
        IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryLayout.Root,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + file);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(limit);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.WaitForExit();
        lock (stdout)
        lock (stderr)
        {
            return new Result(timedOut ? -1 : process.ExitCode, stdout.ToString(), stderr.ToString(), clock.Elapsed, timedOut);
        }
    }

    /// <summary>The rapi-conformance CLI of this build.</summary>
    public static Task<Result> CliAsync(IEnumerable<string> args, TimeSpan limit) =>
        File.Exists(RepositoryLayout.CliDll)
            ? RunAsync("dotnet", [RepositoryLayout.CliDll, .. args], limit)
            : throw new InvalidOperationException("the CLI is not built: " + RepositoryLayout.CliDll);
}
