using System.Diagnostics;

namespace RapiConformance.Load.Tests;

/// <summary>Runs the real `rapi-conformance` CLI (built beside the tests) as a child process.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _out = new(), _err = new();

    public CliProcess(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "rapi-conformance.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        if (File.Exists(Python))
        {
            // A test run started in the background inherits SIGINT as ignored, and .NET keeps an ignored
            // SIGINT ignored; a person's Ctrl-C never is. Reset it to the default before exec'ing the CLI,
            // so Interrupt() tests what a terminal does wherever the tests run.
            info.FileName = Python;
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("import os,signal,sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp('dotnet', ['dotnet'] + sys.argv[1:])");
        }
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_out) _out.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_err) _err.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private const string Python = "/usr/bin/python3";

    public int Id => _process.Id;
    public string Stdout { get { lock (_out) return _out.ToString(); } }
    public string Stderr { get { lock (_err) return _err.ToString(); } }

    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(TimeSpan limit, params string[] args)
    {
        using var cli = new CliProcess(args);
        var code = await cli.WaitAsync(limit);
        return (code, cli.Stdout, cli.Stderr);
    }

    public async Task<int> WaitAsync(TimeSpan limit)
    {
        using var cts = new CancellationTokenSource(limit);
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); throw new TimeoutException($"CLI did not exit within {limit}"); }
        _process.WaitForExit(); // flushes the asynchronous readers
        return _process.ExitCode;
    }

    /// <summary>What Ctrl-C sends to a foreground process.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
