using System.Diagnostics;
using RapiConformance.Checks;
using RapiConformance.Client;
using RapiConformance.Spec;

namespace RapiConformance.Runner;

/// <summary>
/// The engine: decides for every check of the catalog whether it runs, is skipped or disabled; runs the
/// phases (reads concurrently, writes concurrently, exclusive writes one by one, clean-up, then the checks
/// that judge recorded traffic) within the suite's limits; and tells observers about everything.
/// </summary>
public sealed class ConformanceRunner(RunOptions options, IReadOnlyList<IRunObserver> observers)
{
    private readonly object _gate = new();

    public async Task RunAsync(CancellationToken ct)
    {
        var suite = options.Suite;
        var clientOptions = options.Client with { RequestTimeout = options.RequestTimeout ?? TimeSpan.FromSeconds(suite.RequestTimeoutSeconds) };
        using var client = new RapiClient(clientOptions);
        var preflight = await client.SendAsync(RapiRequest.Get("/"), ct);
        if (preflight.TransportError is { } error && error.StartsWith(RapiClient.CannotConnect, StringComparison.Ordinal))
            throw new TargetUnreachableException($"{clientOptions.BaseUri}: {error}");

        string? detection = null;
        var profile = options.Profile;
        if (profile is null)
        {
            try
            {
                var detected = await ProfileDetector.DetectAsync(client, ct);
                (profile, detection) = (detected.Profile, "auto: " + detected.Reason);
            }
            catch (IOException e)
            {
                (profile, detection) = (Profile.V3_0, $"auto failed ({e.Message}); assumed 3.0");
            }
        }

        var context = new CheckContext(client, options.Catalog, profile, options.Seed)
        {
            Users = options.Users,
            AllowWrites = suite.Writes,
            SampleSize = suite.Examples,
            JobTimeout = TimeSpan.FromSeconds(suite.JobTimeoutSeconds),
        };
        var checks = CheckCatalog.Create();
        Emit(new RunStarted(clientOptions.BaseUri, profile, detection, suite, options.Seed, checks, options.Catalog, DateTimeOffset.UtcNow));

        var runnable = new List<Check>();
        foreach (var check in checks)
        {
            var reason = !suite.Selects(check.Id) ? $"not selected by suite '{suite.Name}'"
                : check.Writes && !suite.Writes ? $"suite '{suite.Name}' is read-only and this check writes"
                : null;
            if (reason is not null) Conclude(check, new CheckResult(check.Id, null, ResultStatus.Disabled, reason) { Severity = check.Severity });
            else if (!check.Profiles.Contains(profile.Name)) Conclude(check, new CheckResult(check.Id, null, ResultStatus.Skip, $"not part of profile {profile}") { Severity = check.Severity });
            else runnable.Add(check);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(suite.TimeLimitSeconds));
        var concurrency = Math.Max(1, options.Concurrency ?? suite.Concurrency);
        await RunPhaseAsync(runnable.Where(c => c.Phase == CheckPhase.Read), context, concurrency, limit.Token);
        await RunPhaseAsync(runnable.Where(c => c.Phase == CheckPhase.Write), context, concurrency, limit.Token);
        await RunPhaseAsync(runnable.Where(c => c.Phase == CheckPhase.Exclusive), context, 1, limit.Token);

        // Clean-up and the judging checks get their own budget, so a suite that ran out of time still reports.
        using var tail = CancellationTokenSource.CreateLinkedTokenSource(ct);
        tail.CancelAfter(TimeSpan.FromSeconds(Math.Clamp(suite.TimeLimitSeconds / 4, 10, 120)));
        var cleanup = await context.Cleanup.RunAsync(tail.Token).ConfigureAwait(false);
        await RunPhaseAsync(runnable.Where(c => c.Phase == CheckPhase.Final), context, concurrency, tail.Token);
        Emit(new RunFinished(client.Log.Snapshot(), cleanup, DateTimeOffset.UtcNow));
    }

    private async Task RunPhaseAsync(IEnumerable<Check> checks, CheckContext context, int concurrency, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(concurrency);
        var tasks = checks.Select(async check =>
        {
            try
            {
                await gate.WaitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                Conclude(check, new CheckResult(check.Id, null, ResultStatus.Fail, "the suite's time limit was reached before this check started") { Severity = check.Severity });
                return;
            }
            try
            {
                await RunCheckAsync(check, context, ct);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks);
    }

    private async Task RunCheckAsync(Check check, CheckContext context, CancellationToken ct)
    {
        Emit(new CheckStarted(check));
        var clock = Stopwatch.StartNew();
        var count = 0;
        try
        {
            await foreach (var result in check.RunAsync(context, ct).WithCancellation(ct))
            {
                count++;
                Emit(new ResultRecorded(check, Adjust(result)));
            }
            if (count == 0) Emit(new ResultRecorded(check, new CheckResult(check.Id, null, ResultStatus.Skip, "no operation of the profile concerns this check") { Severity = check.Severity }));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Emit(new ResultRecorded(check, new CheckResult(check.Id, null, ResultStatus.Fail,
                $"the suite's time limit was reached after {clock.Elapsed.TotalSeconds:0} s, before this check finished")
            { Severity = check.Severity }));
        }
        catch (Exception e)
        {
            Emit(new ResultRecorded(check, new CheckResult(check.Id, null, ResultStatus.Fail, $"the check stopped: {e.GetType().Name}: {e.Message}") { Severity = check.Severity }));
        }
        Emit(new CheckFinished(check, clock.Elapsed));
    }

    private CheckResult Adjust(CheckResult result)
    {
        if (!options.Suite.CoversOperation(result.OperationId))
            return result with { Status = ResultStatus.Disabled, Message = $"operation not selected by suite '{options.Suite.Name}'" };
        if (result.Status == ResultStatus.Fail && options.KnownDeviations.Match(result.CheckId, result.OperationId, result.Message) is { } known)
            return result with { KnownDeviation = true, Message = $"{result.Message} [known deviation: {known.Reason}]" };
        return result;
    }

    private void Conclude(Check check, CheckResult result)
    {
        Emit(new CheckStarted(check));
        Emit(new ResultRecorded(check, result));
        Emit(new CheckFinished(check, TimeSpan.Zero));
    }

    private void Emit(RunEvent e)
    {
        lock (_gate)
            foreach (var o in observers) o.On(e);
    }
}
