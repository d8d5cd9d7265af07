using RapiConformance.Runner;
using RapiConformance.Server.Faults;
using RapiConformance.Spec;
using Xunit;

namespace RapiConformance.Harness.Tests;

/// <summary>Every fault the reference server can plant is caught by `check`, by a check that points at it.</summary>
[Trait("Category", "EndToEnd")]
public sealed class FaultCatalogTests
{
    /// <summary>Which checks point at which fault. A fault missing here fails the test: it would be a fault nobody catches.</summary>
    private static readonly Dictionary<string, string[]> Catchers = new()
    {
        ["drop-field"] = ["response-schema-valid", "single-equals-bulk"],
        ["wrong-type"] = ["response-schema-valid"],
        ["wrong-status"] = ["status-code-documented"],
        ["invalid-input-accepted"] = ["content-type-enforced"],
        ["lost-job"] = ["job-status-forward"],
        ["stuck-job"] = ["job-status-forward"],
        ["wrong-content-type"] = ["content-type-json"],
        ["no-www-authenticate"] = ["auth-required", "auth-bad-credentials"],
        ["readonly-can-write"] = ["authz-refused-write-not-performed"],
        ["non-ascii-name-500"] = ["unknown-resource-404", "no-undocumented-5xx"],
        ["slow-response"] = ["responses-timely"],
        ["truncated-body"] = ["response-schema-valid", "list-bulk-consistent"],
        ["dry-run-changes"] = ["dry-run-no-change"],
        ["bulk-disagrees"] = ["list-bulk-consistent"],
        ["status-backwards"] = ["job-status-forward"],
        ["negative-memory-accepted"] = ["invalid-body-refused"],
        ["unknown-body-member-accepted"] = ["invalid-body-refused"],
        ["rename-state-wrong"] = ["instance-lifecycle"],
        ["job-id-string"] = ["response-schema-valid"],
        ["unescaped-error-message"] = ["error-body-form"],
        ["method-405"] = ["unsupported-method-501"],
    };

    /// <summary>The full suite with tight limits, so stuck jobs and slow answers cost seconds, not minutes.</summary>
    private static readonly Suite Hunt = SuiteLoader.Load("full") with
    {
        Name = "fault-hunt",
        Examples = 2,
        JobTimeoutSeconds = 3,
        RequestTimeoutSeconds = 5,
        TimeLimitSeconds = 40,
    };

    [Fact]
    public async Task Every_fault_in_the_servers_catalog_is_caught_by_a_check_that_points_at_it()
    {
        var missed = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var gate = new SemaphoreSlim(3);
        var runs = FaultCatalog.All.Select(async fault =>
        {
            await gate.WaitAsync();
            try
            {
                if (!Catchers.TryGetValue(fault.Id, out var expected)) { missed.Add($"{fault.Id}: no check is known to point at it ({fault.Description})"); return; }
                await using var target = await ReferenceTarget.StartAsync(Profile.V3_0, [fault.Id]);
                var outcome = await Runs.CheckAsync(target.Options(Hunt));
                var failedChecks = outcome.Report.Results.Where(r => r.Status == "Fail").Select(r => r.Check).ToHashSet();
                if (outcome.ExitCode != 1) missed.Add($"{fault.Id}: check exited {outcome.ExitCode}, expected 1");
                if (!expected.Any(failedChecks.Contains))
                    missed.Add($"{fault.Id}: none of [{string.Join(", ", expected)}] failed; failed: [{string.Join(", ", failedChecks)}]");
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(runs);
        Assert.True(missed.IsEmpty, string.Join("\n", missed.Order()));
    }
}
