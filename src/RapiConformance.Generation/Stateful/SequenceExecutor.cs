using RapiConformance.Generation.Http;
using RapiConformance.Generation.Oracle;
using RapiConformance.Generation.Running;

namespace RapiConformance.Generation.Stateful;

/// <summary>
/// Runs a sequence against the target: reads the state into a model, then per step sends its request
/// (judged by the same properties as stateless cases), waits for its job, updates the model from the
/// outcome and compares the target's state with the model.
/// </summary>
public sealed class SequenceExecutor(CaseExecutor executor, string namePrefix, bool ownOnly = false, Func<string, bool>? available = null)
{
    private int _executions;

    /// <summary>Runs the steps; past <paramref name="deadline"/> the remaining steps are left out (the run counts as passed so far).</summary>
    public async Task<SequenceRun> RunAsync(IReadOnlyList<StatefulStep> steps, DateTime deadline, CancellationToken cancellationToken)
    {
        var name = $"{namePrefix}{Interlocked.Increment(ref _executions)}";
        var naming = ownOnly ? new StepNaming(name, Running.OwnEntities.Prefix, Running.OwnEntities.Prefix) : new StepNaming(name);
        var snapshot = new TargetSnapshot(executor.Sender, ownOnly ? Running.OwnEntities.Owns : null, available);
        var trace = new List<string>();
        var (model, problem) = await snapshot.ReadAsync(cancellationToken);
        if (model is null) return new SequenceRun(trace, 0, new Finding(FailureKind.StateMismatch, $"cannot read the target's state: {problem}"), [], 0);
        var run = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            if (DateTime.UtcNow > deadline) { trace.Add($"{i + 1}. budget over: the rest of the sequence was not run"); break; }
            var step = steps[i];
            var request = step.Build(model, naming);
            if (request is null) { trace.Add($"{i + 1}. {step}: skipped (precondition)"); continue; }
            if (available is not null && !available(request.OperationId)) { trace.Add($"{i + 1}. {step}: skipped ({request.OperationId} is not in the profile)"); continue; }
            run++;
            var outcome = await executor.RunAsync(request, cancellationToken);
            trace.Add($"{i + 1}. {step}: {request} -> {outcome.Response.Status}{(outcome.Job is null ? "" : ", " + outcome.Job)}");
            var finding = outcome.Finding ?? step.Apply(model, request, outcome);
            if (finding is null && !step.IsRead)
            {
                var (actual, readProblem) = await snapshot.ReadAsync(cancellationToken);
                if (actual is null) finding = new Finding(FailureKind.StateMismatch, $"cannot read the target's state: {readProblem}");
                else if (model.Differences(actual) is { Count: > 0 } diffs)
                    finding = new Finding(FailureKind.StateMismatch, $"after '{step}': {string.Join("; ", diffs)}");
            }
            if (finding is not null) return new SequenceRun(trace, i, finding, outcome.Exchanges, run, request.OperationId);
        }
        return new SequenceRun(trace, -1, null, [], run);
    }
}
