using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using RapiConformance.Generation.Running;

namespace RapiConformance.Generation.Stateful;

/// <summary>
/// Model-based fuzzing with FsCheck: sequences of steps are the property's input (generated from the
/// run's seed through FsCheck's Replay, so the same seed gives the same sequences), each execution is
/// checked step by step against the model, and FsCheck shrinks a failing sequence to a minimal one.
/// </summary>
public sealed class StatefulPhase(CaseExecutor executor, FuzzOptions options, string? user, Func<string, bool>? available = null)
{
    private const int Chunk = 20;

    public int Sequences { get; private set; }

    public int Steps { get; private set; }

    public async Task RunAsync(RunTally tally, DateTime deadline, CancellationToken cancellationToken)
    {
        var sequences = options.OwnOnly
            ? new SequenceExecutor(executor, $"{OwnEntities.Prefix}{options.Seed % 1000}x", ownOnly: true, available)
            : new SequenceExecutor(executor, $"fz{options.Seed % 1000}x", available: available);
        SequenceRun? firstFailure = null, lastFailure = null;
        StatefulStep[]? firstInput = null, lastInput = null;
        var index = -1;
        var failedIndex = -1;
        var shrinkAttempts = 0;
        var lastFailedAt = -1;

        var arb = Arb.From(StepGen.Sequence(options.ReadOnly, options.StatefulSequenceLength), s => StepGen.Shrink(s, lastFailedAt).Take(30));
        var property = Prop.ForAll(arb, async steps =>
        {
            var shrinking = firstFailure is not null;
            if (!shrinking)
            {
                index++;
                if (tally.Stopped || DateTime.UtcNow > deadline || options.ReplaySequence is { } only && only != index) return true;
            }
            else if (++shrinkAttempts > options.MaxShrinkAttempts / 3 || DateTime.UtcNow > deadline + TimeSpan.FromSeconds(20)) return true;
            var run = await sequences.RunAsync(steps, shrinking ? deadline + TimeSpan.FromSeconds(20) : deadline, cancellationToken).ConfigureAwait(false);
            Sequences++;
            Steps += run.StepsRun;
            if (run.Finding is null) return true;
            if (firstFailure is null) { firstFailure = run; firstInput = steps; failedIndex = index; }
            lastFailure = run;
            lastInput = steps;
            lastFailedAt = run.FailedAt;
            return false;
        });

        // FsCheck draws every one of MaxTest inputs even when the property has nothing left to do, so the
        // sequences are drawn in chunks of Chunk, each from its own seed (derived from the run's), and no new
        // chunk starts past the deadline, after a failure (which FsCheck shrinks within its chunk) or a stop.
        var maxSequences = options.ReplaySequence is { } r ? r + 1 : options.Examples is { } n ? Math.Max(1, n / 50) : 100_000;
        for (var chunk = 0; chunk * Chunk < maxSequences; chunk++)
        {
            if (firstFailure is not null || tally.Stopped || DateTime.UtcNow > deadline || cancellationToken.IsCancellationRequested) break;
            if (options.ReplaySequence is { } only && only / Chunk != chunk) { index += Chunk; continue; }
            var replay = new Replay(new Rnd(options.Seed + (ulong)chunk * 0x9E3779B97F4A7C15UL, 0x9E3779B97F4A7C15UL | 1), FSharpOption<int>.None);
            var config = Config.Quick.WithMaxTest(Math.Min(Chunk, maxSequences - chunk * Chunk)).WithQuietOnSuccess(true).WithRunner(new SilentRunner())
                .WithReplay(FSharpOption<Replay>.Some(replay)).WithStartSize(1).WithEndSize(50);
            await Task.Run(() => Check.One(config, property), cancellationToken);
        }

        if (lastFailure?.Finding is not { } finding) return;
        var exchanges = lastFailure.Exchanges.Select(e => FuzzExchange.From(executor.Sender, e.Request, e.Response, user)).ToList();
        tally.Add(new FuzzFailure(finding.Kind, finding.Message, lastFailure.OperationId, "stateful",
            options.Seed, failedIndex, null, Describe(firstInput!), string.Join("\n", lastFailure.Trace), Math.Max(0, firstInput!.Length - lastInput!.Length),
            exchanges,
            $"fuzz --seed {options.Seed.ToString(CultureInfo.InvariantCulture)} --replay {options.Seed.ToString(CultureInfo.InvariantCulture)}:s{failedIndex} --profile {options.Profile.Name}" + options.ReplayScope));
    }

    private static string Describe(StatefulStep[] steps) => string.Join("\n", steps.Select((s, i) => $"{i + 1}. {s}"));
}
