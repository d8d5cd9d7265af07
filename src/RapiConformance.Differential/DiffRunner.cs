using System.Diagnostics;
using System.Text.Json.Nodes;
using RapiConformance.Spec;

namespace RapiConformance.Differential;

/// <summary>
/// Sends the same sequence to both servers, step by step (A then B), follows jobs on each, and compares.
/// Differences explained by the allow-list or the spec's x-rapi-notes are marked documented.
/// </summary>
public sealed class DiffRunner(DiffOptions options, AllowList allowList, SpecCatalog catalog)
{
    public static IReadOnlyList<DiffStep> StandardSequence(bool includeWrites) =>
        [.. DiffReadSequence.Steps, .. DiffErrorSequence.Steps, .. includeWrites ? DiffWriteSequence.Steps : []];

    public async Task<DiffResult> RunAsync(IReadOnlyList<DiffStep> steps, IProgress<StepOutcome>? progress, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var timeout = options.RequestTimeout ?? TimeSpan.FromSeconds(30);
        using var a = new RapiHttp(options.A, options.Insecure, timeout);
        using var b = new RapiHttp(options.B, options.Insecure, timeout);
        var run = options.RunSuffix ?? (DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 1_000_000).ToString();
        var fixtureA = await SideFixture.DiscoverAsync(a, run, cancellationToken).ConfigureAwait(false);
        var fixtureB = await SideFixture.DiscoverAsync(b, run, cancellationToken).ConfigureAwait(false);
        var follower = new JobFollower(options.JobBudget ?? TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100));
        var notes = new SpecNotes(catalog);
        var outcomes = new List<StepOutcome>();
        foreach (var step in steps)
        {
            var outcome = await RunStepAsync(step, a, b, fixtureA, fixtureB, follower, cancellationToken).ConfigureAwait(false);
            outcome = outcome with
            {
                Differences = outcome.Differences
                    .Select(d => d with { DocumentedBy = allowList.Explain(d) ?? notes.Explain(d) }).ToList(),
            };
            outcomes.Add(outcome);
            progress?.Report(outcome);
        }
        var compared = outcomes.Where(o => !o.Skipped).Select(o => o.Step.OperationId)
            .Where(id => catalog.Find(id) is not null).Distinct().Order(StringComparer.Ordinal).ToList();
        return new DiffResult(options.A.BaseUri.ToString(), options.B.BaseUri.ToString(), started, clock.Elapsed, outcomes,
            compared, catalog.ForProfile(Profile.V3_0).Count());
    }

    private static async Task<StepOutcome> RunStepAsync(DiffStep step, RapiHttp a, RapiHttp b, SideFixture fa, SideFixture fb,
        JobFollower follower, CancellationToken cancellationToken)
    {
        if (!a.Endpoint.Has(step.Role) || !b.Endpoint.Has(step.Role))
        {
            return StepOutcome.Skip(step, $"no credentials for role {step.Role}");
        }
        var pathA = fa.Resolve(step.Path);
        var pathB = fb.Resolve(step.Path);
        var bodyA = step.Body is null ? null : fa.Resolve(step.Body);
        var bodyB = step.Body is null ? null : fb.Resolve(step.Body);
        if (pathA is null || pathB is null || (step.Body is not null && (bodyA is null || bodyB is null)))
        {
            return StepOutcome.Skip(step, $"a name in '{step.Path}' is unknown on {(pathA is null ? "a" : "b")}");
        }
        var ra = await a.SendAsync(step.Method, pathA, bodyA, step.ContentType, step.Role, cancellationToken).ConfigureAwait(false);
        var ja = await AfterAsync(step, ra, a, fa, follower, cancellationToken).ConfigureAwait(false);
        var rb = await b.SendAsync(step.Method, pathB, bodyB, step.ContentType, step.Role, cancellationToken).ConfigureAwait(false);
        var jb = await AfterAsync(step, rb, b, fb, follower, cancellationToken).ConfigureAwait(false);
        var differences = StepComparer.Compare(step, ra, rb, ja, jb, fa.NormalizeKey, fb.NormalizeKey).ToList();
        return new StepOutcome(step, null, ra, rb, ja, jb, differences);
    }

    /// <summary>Captures a token from the body and follows the job a 200 answer names.</summary>
    private static async Task<JobOutcome?> AfterAsync(DiffStep step, ObservedResponse response, RapiHttp http, SideFixture fixture,
        JobFollower follower, CancellationToken cancellationToken)
    {
        if (response.Status != 200 || response.Json is not JsonValue value)
        {
            return null;
        }
        if (step.Capture is not null && value.TryGetValue<string>(out var captured))
        {
            fixture.Set(step.Capture, captured);
        }
        if (!step.FollowJob || !value.TryGetValue<long>(out var jobId))
        {
            return null;
        }
        fixture.Set("last_job", jobId.ToString());
        if (!fixture.Tokens.ContainsKey("job"))
        {
            fixture.Set("job", jobId.ToString()); // a fresh server has no job until the sequence makes one
        }
        return await follower.FollowAsync(http, jobId, cancellationToken).ConfigureAwait(false);
    }
}
