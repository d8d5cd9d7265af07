using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace RapiConformance.Benchmarks;

/// <summary>
/// GET /2/instances?bulk=1 and /2/nodes?bulk=1 through the reference server's real HTTP pipeline
/// (routing, auth, query parsing, handler, response writing), each beside the pre-serialised
/// baseline answering the same bytes. Ratio = reference time / baseline time (lower is better).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class BulkQueryBenchmarks
{
    private const string Instances = "/2/instances?bulk=1";
    private const string Nodes = "/2/nodes?bulk=1";
    private ReferenceServerFixture _reference = null!;
    private PreSerialisedServer _baseline = null!;
    private HttpClient _referenceClient = null!, _baselineClient = null!;

    [Params(100, 1_000, 10_000)]
    public int InstanceCount { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _reference = await ReferenceServerFixture.StartAsync(InstanceCount);
        _referenceClient = BenchHttp.Create(_reference.BaseUri);
        var answers = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var close = false;
        foreach (var path in new[] { Instances, Nodes })
        {
            using var response = await _referenceClient.GetAsync(path.TrimStart('/'));
            if ((int)response.StatusCode != 200) throw new InvalidOperationException($"reference GET {path} answered {(int)response.StatusCode}");
            answers[path] = await response.Content.ReadAsByteArrayAsync();
            close |= response.Headers.ConnectionClose == true;
        }
        BenchFiles.WritePayloadSize($"instances-bulk-{InstanceCount}", answers[Instances].Length);
        BenchFiles.WritePayloadSize($"nodes-bulk-{InstanceCount}", answers[Nodes].Length);
        _baseline = await PreSerialisedServer.StartAsync(answers, close);
        _baselineClient = BenchHttp.Create(_baseline.BaseUri);
        var check = await BenchHttp.GetBytesAsync(_baselineClient, Instances);
        if (!check.AsSpan().SequenceEqual(answers[Instances])) throw new InvalidOperationException("baseline bytes differ");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _referenceClient.Dispose();
        _baselineClient.Dispose();
        await _baseline.DisposeAsync();
        await _reference.DisposeAsync();
    }

    [BenchmarkCategory("instances-bulk"), Benchmark(Baseline = true)]
    public async Task<int> InstancesPreSerialised() => (await BenchHttp.GetBytesAsync(_baselineClient, Instances)).Length;

    [BenchmarkCategory("instances-bulk"), Benchmark]
    public async Task<int> InstancesReferenceServer() => (await BenchHttp.GetBytesAsync(_referenceClient, Instances)).Length;

    [BenchmarkCategory("nodes-bulk"), Benchmark(Baseline = true)]
    public async Task<int> NodesPreSerialised() => (await BenchHttp.GetBytesAsync(_baselineClient, Nodes)).Length;

    [BenchmarkCategory("nodes-bulk"), Benchmark]
    public async Task<int> NodesReferenceServer() => (await BenchHttp.GetBytesAsync(_referenceClient, Nodes)).Length;
}
