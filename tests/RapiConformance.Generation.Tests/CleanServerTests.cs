using RapiConformance.Generation.Oracle;
using RapiConformance.Generation.Running;
using RapiConformance.Spec;
using Xunit;
using Xunit.Abstractions;

namespace RapiConformance.Generation.Tests;

/// <summary>
/// Fuzzing the reference server without faults. It must find nothing beyond the open deviations listed
/// here (each one is a real disagreement between the reference server and the spec or Ganeti, written
/// up in docs/fuzz.md for the server and spec owners); any other failure fails this test.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CleanServerTests(ITestOutputHelper output)
{
    /// <summary>Open deviations found by the fuzzer on the clean server (kind, operation, why).</summary>
    private static readonly (string Kind, string Operation, string Why)[] KnownDeviations =
    [
        (FailureKind.ResponseNotConforming, "getClusterInfo", "hidden_os/blacklisted_os entries are arrays, the spec says strings"),
        (FailureKind.ResponseNotConforming, "getFilter", "filters keep any 'action'/'reason' they were given; the response schema is stricter"),
        (FailureKind.ResponseNotConforming, "listFilters", "same as getFilter"),
        (FailureKind.InvalidInputAccepted, "createInstancesMultiAlloc", "elements of 'instances' are not checked like an instance create"),
        (FailureKind.InvalidInputAccepted, "modifyCluster", "negative beparams memory sizes accepted on the cluster"),
    ];

    private static bool Known(FuzzFailure f) =>
        KnownDeviations.Any(k => k.Kind == f.Kind && k.Operation == f.OperationId)
        // Kestrel refuses a %00 in the path with an empty 400 before the RAPI pipeline sees it.
        || f.Kind == FailureKind.ResponseNotConforming && f.ShrunkInput.Contains("%00", StringComparison.Ordinal);

    [Fact]
    public async Task A_fuzz_run_against_the_clean_server_finds_nothing_new()
    {
        await using var target = await LocalTarget.StartAsync([]);
        var options = new FuzzOptions { Seed = 7, Budget = TimeSpan.FromSeconds(45), Workers = 16 };
        var report = await new FuzzRun(SpecCatalog.Default, target.Sender, options, LocalTarget.User).RunAsync(CancellationToken.None);
        output.WriteLine($"{report.Cases} cases, {report.Sequences} sequences, {report.Requests} requests, {report.RequestsPerSecond} req/s");
        foreach (var f in report.Failures) output.WriteLine($"{(Known(f) ? "known" : "NEW")} {f.Kind} {f.OperationId}: {f.Message}\n  {f.ShrunkInput}");
        Assert.True(report.Cases > 100 && report.Sequences > 0, "the run did too little to mean anything");
        var unknown = report.Failures.Where(f => !Known(f)).ToList();
        Assert.True(unknown.Count == 0, string.Join("\n", unknown.Select(f => $"{f.Kind} {f.OperationId}: {f.Message} -- {f.ShrunkInput}")));
    }
}
