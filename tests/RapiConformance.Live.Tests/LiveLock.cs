using System.Diagnostics;

namespace RapiConformance.Live.Tests;

/// <summary>
/// The shared cluster's lock (/tmp/ganeti-live.lock), taken with flock(1) as every other user of the
/// cluster takes it: a child `flock LOCK sh -c 'echo locked; read _'` holds it until its stdin closes,
/// so a test can read the cluster, fuzz it and read it again without anyone else changing it meanwhile.
/// When the whole test run already holds the lock (`RAPI_LIVE_LOCK_HELD=1 flock /tmp/ganeti-live.lock
/// dotnet test …`), taking it again would wait for ever, so the lock is then taken as held.
/// </summary>
public sealed class LiveLock : IDisposable
{
    public const string Path = "/tmp/ganeti-live.lock";

    private readonly Process? _holder;

    private LiveLock(Process? holder) => _holder = holder;

    public static async Task<LiveLock> AcquireAsync(TimeSpan limit)
    {
        if (Environment.GetEnvironmentVariable("RAPI_LIVE_LOCK_HELD") == "1") return new LiveLock(null);
        var start = new ProcessStartInfo("flock") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { Path, "sh", "-c", "echo locked; read _" }) start.ArgumentList.Add(a);
        var holder = Process.Start(start) ?? throw new LiveUnavailableException("flock(1) could not be started");
        using var cts = new CancellationTokenSource(limit);
        try
        {
            var line = await holder.StandardOutput.ReadLineAsync(cts.Token);
            if (line == "locked") return new LiveLock(holder);
        }
        catch (OperationCanceledException)
        {
        }
        holder.Kill(entireProcessTree: true);
        holder.Dispose();
        throw new LiveUnavailableException($"{Path} was not free within {limit.TotalMinutes:0} minutes");
    }

    public void Dispose()
    {
        if (_holder is null) return;
        _holder.StandardInput.Close();
        if (!_holder.WaitForExit(5000)) _holder.Kill(entireProcessTree: true);
        _holder.Dispose();
    }
}
