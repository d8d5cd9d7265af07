using System.Globalization;
using RapiConformance.Generation.Oracle;
using RapiConformance.Generation.Requests;

namespace RapiConformance.Generation.Running;

/// <summary>
/// Stateless fuzzing: workers draw cases from the seed's stream until the deadline or the example count,
/// run them against the properties, and shrink the first failure of each kind (per operation and
/// mutation) with FsCheck. Before an "invalid input accepted" is reported, the shrunk request is checked
/// against the spec again and dropped if it is in fact valid.
/// </summary>
public sealed class StatelessPhase(CaseStream stream, CaseExecutor executor, ResponseOracle oracle, RequestShrinker shrinker, FuzzOptions options, string? user, WriteGuard? guard = null)
{
    public async Task RunAsync(RunTally tally, DateTime deadline, CancellationToken cancellationToken)
    {
        if (options.ReplayCase is { } only)
        {
            await RunCaseAsync(only, tally, deadline, cancellationToken);
            return;
        }
        long next = -1;
        var limit = options.Examples ?? long.MaxValue;
        var workers = Enumerable.Range(0, Math.Max(1, options.Workers)).Select(_ => Task.Run(async () =>
        {
            while (!cancellationToken.IsCancellationRequested && !tally.Stopped && DateTime.UtcNow < deadline && tally.FailureCount < options.MaxFailures)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= limit) break;
                await RunCaseAsync(index, tally, deadline, cancellationToken);
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
    }

    private async Task RunCaseAsync(long index, RunTally tally, DateTime deadline, CancellationToken cancellationToken)
    {
        var request = Admit(stream.At(index));
        if (request is null)
        {
            tally.Withhold();
            return;
        }
        var outcome = await executor.RunAsync(request, cancellationToken);
        tally.Count(outcome);
        if (outcome.Finding is null)
        {
            if (request.Expect == Expectation.Accept && outcome.Response.Status is >= 400 and < 500)
                tally.Observe("valid-request-refused", request.OperationId, $"{request} -> {outcome.Response.Brief()}");
            return;
        }
        var signature = Signature(outcome);
        if (!tally.FirstOf(signature)) return;
        var failure = await ShrinkAsync(index, outcome, deadline, cancellationToken);
        if (failure is null) tally.DroppedFalsePositive();
        else tally.Add(failure);
    }

    /// <summary>In write scope "own", the request as the guard lets it go (or null: not sent).</summary>
    private FuzzRequest? Admit(FuzzRequest request) =>
        guard is null ? request : guard.Admit(oracle.Catalog.Get(request.OperationId), request);

    /// <summary>
    /// Failures with one cause are reported once: the signature is the kind, the status, the mutation kind
    /// and location (indexes taken out) and the message with the operation and every number and quoted
    /// value taken out.
    /// </summary>
    internal static string Signature(CaseOutcome outcome)
    {
        var message = outcome.Finding!.Message.Replace(outcome.Request.OperationId, "", StringComparison.Ordinal);
        message = message.Split("; ")[0];
        message = System.Text.RegularExpressions.Regex.Replace(message, @"\d+|'[^']*'|""[^""]*""|\(.*\)", "");
        var location = outcome.Request.Mutation is { } m ? System.Text.RegularExpressions.Regex.Replace(m.Location, @"\[\d+\]", "[]") : "";
        return $"{outcome.Finding.Kind}|{outcome.Response.Status}|{outcome.Request.Mutation?.Kind}|{location}|{message}";
    }

    private async Task<FuzzFailure?> ShrinkAsync(long index, CaseOutcome first, DateTime deadline, CancellationToken cancellationToken)
    {
        var kind = first.Finding!.Kind;
        var lastFailing = first;
        var shrinkDeadline = deadline + TimeSpan.FromSeconds(20);
        var (shrunk, steps) = await Task.Run(() => CaseShrinker.Shrink(first.Request, shrinker.Shrink, async candidate =>
        {
            if (DateTime.UtcNow > shrinkDeadline || Admit(candidate) is not { } admitted) return false;
            var outcome = await executor.RunAsync(admitted, cancellationToken);
            if (outcome.Finding?.Kind != kind) return false;
            lastFailing = outcome;
            return true;
        }, options.MaxShrinkAttempts), cancellationToken);

        // Candidates were judged as the guard sent them (a shrink step may drop ?dry-run=1; the guard puts it back).
        shrunk = Admit(shrunk) ?? first.Request;
        var op = oracle.Catalog.Get(shrunk.OperationId);
        if (kind == FailureKind.InvalidInputAccepted && !oracle.StillInvalid(op, shrunk)) return null;
        if (!ReferenceEquals(lastFailing.Request, shrunk)) lastFailing = await executor.RunAsync(shrunk, cancellationToken);
        var finding = lastFailing.Finding ?? first.Finding;
        var exchanges = lastFailing.Exchanges.Select(e => FuzzExchange.From(executor.Sender, e.Request, e.Response, user)).ToList();
        return new FuzzFailure(finding.Kind, finding.Message, shrunk.OperationId, "stateless", options.Seed, index,
            shrunk.Mutation?.ToString(), first.Request.ToString(), shrunk.ToString(), steps, exchanges,
            $"fuzz --seed {options.Seed.ToString(CultureInfo.InvariantCulture)} --replay {options.Seed.ToString(CultureInfo.InvariantCulture)}:{index.ToString(CultureInfo.InvariantCulture)} --profile {options.Profile.Name}" +
            (string.IsNullOrEmpty(options.Operations) ? "" : $" --operations '{options.Operations}'") + options.ReplayScope);
    }
}
