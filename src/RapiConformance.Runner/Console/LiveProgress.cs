using RapiConformance.Checks;
using Spectre.Console;

namespace RapiConformance.Runner;

/// <summary>A live Spectre.Console progress bar for terminals; <see cref="ProgressDisplay"/> picks plain lines otherwise.</summary>
public sealed class LiveProgress : IRunObserver
{
    private ProgressTask? _task;
    private int _failures;
    private int _requests;

    public async Task RunAsync(Func<Task> body)
    {
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                _task = ctx.AddTask("starting", maxValue: 1);
                await body();
                _task.Value = _task.MaxValue;
            });
    }

    public void On(RunEvent e)
    {
        if (_task is null) return;
        switch (e)
        {
            case RunStarted s:
                _task.MaxValue = s.Checks.Count;
                _task.Description = Markup.Escape($"{s.Suite.Name} on {s.Target} ({s.Profile})");
                break;
            case ResultRecorded { Result.Status: ResultStatus.Fail }:
                _failures++;
                break;
            case CheckStarted s:
                _task.Description = Markup.Escape($"{s.Check.Id}") + (_failures > 0 ? $" [red]{_failures} failed[/]" : "");
                break;
            case CheckFinished:
                _task.Increment(1);
                break;
            case RunFinished f:
                _requests = f.Exchanges.Count;
                _task.Description = $"done: {_requests} requests" + (_failures > 0 ? $", [red]{_failures} failed[/]" : ", no failures");
                break;
        }
    }
}
