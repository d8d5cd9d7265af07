namespace RapiConformance.Runner;

/// <summary>Chooses the live display on an interactive terminal and plain lines everywhere else.</summary>
public static class ProgressDisplay
{
    public static bool IsInteractive => !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null
                                        && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb");

    /// <summary>Runs the body with the chosen display attached as an observer.</summary>
    public static async Task RunAsync(bool quiet, Func<IRunObserver?, Task> body)
    {
        if (quiet) { await body(null); return; }
        if (IsInteractive)
        {
            var live = new LiveProgress();
            await live.RunAsync(() => body(live));
            return;
        }
        await body(new PlainProgress(Console.Out));
    }
}
