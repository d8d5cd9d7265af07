using RapiConformance.Client;
using System.Diagnostics;
using RapiConformance.Generation.Mutations;
using RapiConformance.Generation.Oracle;
using RapiConformance.Generation.Requests;
using RapiConformance.Generation.Rules;
using RapiConformance.Generation.Schemas;
using RapiConformance.Generation.Stateful;
using RapiConformance.Spec;

namespace RapiConformance.Generation.Running;

/// <summary>
/// A whole fuzz run: stateful sequences first (alone, so the model owns the state), then the target's
/// entities are read and the stateless cases run with the rest of the budget. In write scope "own" the run
/// first notes the other entities and creates its own instances, and always ends with the clean-up phase
/// (also when it fails or is cancelled); <paramref name="log"/> gets the set-up and clean-up lines.
/// </summary>
public sealed class FuzzRun(SpecCatalog catalog, RapiClient sender, FuzzOptions options, string? user, Action<string>? log = null)
{
    /// <summary>Time the clean-up phase may take (deleting instances is a job per instance on Ganeti).</summary>
    public static readonly TimeSpan CleanupLimit = TimeSpan.FromMinutes(3);

    public async Task<FuzzReport> RunAsync(CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var validator = SchemaValidator.Shared;
        var rules = new BodyRules(validator, MapMemberRules.LoadEmbedded());
        var oracle = new ResponseOracle(catalog, options.Profile, validator, rules);
        var executor = new CaseExecutor(sender, oracle, options.JobTimeout);
        var tally = new RunTally { StopWhen = options.StopWhen };
        var budget = options.Budget ?? (options.Examples is null ? TimeSpan.FromSeconds(60) : TimeSpan.FromHours(1));
        var end = DateTime.UtcNow + budget;

        var operations = catalog.ForProfile(options.Profile)
            .Where(options.Matches)
            .Where(op => !options.ReadOnly || FuzzOptions.IsRead(op))
            .OrderBy(op => op.Id, StringComparer.Ordinal)
            .ToList();

        var inProfile = catalog.ForProfile(options.Profile).Select(op => op.Id).ToHashSet(StringComparer.Ordinal);
        Func<string, bool> available = inProfile.Contains;
        var stateful = new StatefulPhase(executor, options, user, available);
        ForeignState? before = null;
        string? cleanup = null;
        if (options.OwnOnly) before = await ForeignState.ReadAsync(sender, cancellationToken, available);
        try
        {
            // Inside the try: an instance the set-up made before a cancellation is removed too.
            if (options.OwnOnly)
            {
                var setUp = await OwnFixture.SetUpAsync(sender, options.Seed, options.JobTimeout, cancellationToken);
                log?.Invoke(setUp);
            }
            await RunPhasesAsync(operations, stateful, executor, oracle, rules, validator, tally, budget, end, cancellationToken);
        }
        finally
        {
            if (options.OwnOnly)
            {
                cleanup = await OwnCleanup.RunAsync(sender, before, options.JobTimeout, CleanupLimit, available);
                log?.Invoke(cleanup);
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return new FuzzReport
        {
            Target = sender.BaseUri.ToString(),
            Profile = options.Profile.Name,
            Seed = options.Seed,
            StartedAt = started,
            DurationSeconds = Math.Round(seconds, 2),
            Cases = tally.Cases,
            Requests = executor.Requests,
            RequestsPerSecond = Math.Round(executor.Requests / Math.Max(seconds, 0.001), 1),
            Sequences = stateful.Sequences,
            SequenceSteps = stateful.Steps,
            DroppedFalsePositives = tally.Dropped,
            WriteScope = options.OwnOnly ? "own" : "all",
            WithheldCases = tally.Withheld,
            Cleanup = cleanup,
            CasesByExpectation = tally.ByExpectation,
            StatusCounts = tally.ByStatus,
            CasesByOperation = tally.ByOperation,
            Observations = tally.Observations,
            Failures = tally.Failures,
        };
    }

    private async Task RunPhasesAsync(List<OperationSpec> operations, StatefulPhase stateful, CaseExecutor executor, ResponseOracle oracle,
        BodyRules rules, SchemaValidator validator, RunTally tally, TimeSpan budget, DateTime end, CancellationToken cancellationToken)
    {
        var runStateful = options.Stateful && options.ReplayCase is null && (string.IsNullOrEmpty(options.Operations) || options.ReplaySequence is not null);
        if (runStateful)
        {
            var share = options.Stateless && options.ReplaySequence is null ? options.StatefulShare : 1.0;
            await stateful.RunAsync(tally, DateTime.UtcNow + budget * share, cancellationToken);
        }

        var runStateless = !tally.Stopped && options.Stateless && options.ReplaySequence is null && operations.Count > 0;
        if (runStateless)
        {
            var pool = await EntityPool.DiscoverAsync(sender, cancellationToken);
            var requests = new RequestGen(pool, new SchemaGen(validator, rules.Maps), options.OwnOnly ? pool.OwnOnly() : null);
            var stream = new CaseStream(operations, requests, new Mutator(rules), options.Seed, options.NegativeShare);
            var phase = new StatelessPhase(stream, executor, oracle, new RequestShrinker(catalog, rules), options, user,
                options.WriteScope == WriteScope.Own ? new WriteGuard(pool) : null);
            await phase.RunAsync(tally, end, cancellationToken);
        }
    }
}
