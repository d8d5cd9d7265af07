using BenchmarkDotNet.Attributes;
using RapiConformance.Client;
using RapiConformance.Generation.Http;
using RapiConformance.Generation.Mutations;
using RapiConformance.Generation.Requests;
using RapiConformance.Generation.Rules;
using RapiConformance.Generation.Running;
using RapiConformance.Generation.Schemas;
using RapiConformance.Spec;

namespace RapiConformance.Benchmarks;

/// <summary>
/// The fuzzer's speed: how many cases per second the FsCheck generators produce from the spec (all
/// 82 operations, half of them mutated), and how many requests per second a fuzz run sends to the
/// in-process reference server (client and server on the same cores). Per-operation time is per case.
/// </summary>
[MemoryDiagnoser]
public class GenerationBenchmarks
{
    private const int Cases = 1000;
    private const int FuzzExamples = 3000;
    private CaseStream _stream = null!;
    private ReferenceServerFixture _server = null!;
    private RapiClient _sender = null!;
    private long _offset;

    [GlobalSetup]
    public async Task Setup()
    {
        var validator = SchemaValidator.Shared;
        var rules = new BodyRules(validator, MapMemberRules.LoadEmbedded());
        var pool = new EntityPool(new Dictionary<string, string[]>
        {
            ["instance_name"] = ["inst1.ganeti.test", "inst2.ganeti.test"], ["node_name"] = ["node1.ganeti.test"],
            ["group_name"] = ["default"], ["network_name"] = ["net1"], ["job_id"] = ["1"],
        });
        _stream = new CaseStream(SpecCatalog.Default.ForProfile(Profile.V3_0).OrderBy(o => o.Id, StringComparer.Ordinal).ToList(),
            new RequestGen(pool, new SchemaGen(validator, rules.Maps)), new Mutator(rules), 1, 0.5);
        _server = await ReferenceServerFixture.StartAsync(10);
        _sender = FuzzClient.Create(_server.BaseUri, new Credentials("bench", "benchpw"));
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _sender.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>Generating cases (positive and mutated) from the spec, no I/O.</summary>
    [Benchmark(OperationsPerInvoke = Cases)]
    public int GenerateCases()
    {
        var n = 0;
        var start = Interlocked.Add(ref _offset, Cases);
        for (var i = 0; i < Cases; i++) n += _stream.At(start + i).Weight;
        return n;
    }

    /// <summary>A read-only stateless fuzz run against the local server (32 requests in flight); per case.</summary>
    [Benchmark(OperationsPerInvoke = FuzzExamples)]
    public Task<FuzzReport> FuzzReadOnly() => Fuzz(readOnly: true);

    /// <summary>A stateless fuzz run with writes (jobs are waited for) against the local server; per case.</summary>
    [Benchmark(OperationsPerInvoke = FuzzExamples)]
    public Task<FuzzReport> FuzzWithWrites() => Fuzz(readOnly: false);

    private async Task<FuzzReport> Fuzz(bool readOnly)
    {
        var options = new FuzzOptions
        {
            Seed = (ulong)Interlocked.Increment(ref _offset), Examples = FuzzExamples, Workers = 32, ReadOnly = readOnly, Stateful = false,
            MaxFailures = int.MaxValue, MaxShrinkAttempts = 0,
        };
        var report = await new FuzzRun(SpecCatalog.Default, _sender, options, "bench").RunAsync(CancellationToken.None);
        Console.WriteLine($"// fuzz {(readOnly ? "read-only" : "with writes")}: {report.Requests} requests in {report.DurationSeconds} s = {report.RequestsPerSecond} req/s");
        return report;
    }
}
