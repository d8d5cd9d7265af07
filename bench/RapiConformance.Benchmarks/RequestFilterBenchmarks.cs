using BenchmarkDotNet.Attributes;

namespace RapiConformance.Benchmarks;

/// <summary>
/// What the connection filter that turns "%00" in a request path into Ganeti's 404 (Http/RequestTargetFilter)
/// costs: the bulk GET of 10,000 instances and a batch of tag-job submissions, with the filter and without it,
/// side by side in one run. Ratio = with / without.
/// </summary>
[MemoryDiagnoser]
public class RequestFilterBenchmarks
{
    private const int Batch = 1000;
    private ReferenceServerFixture _reference = null!;
    private HttpClient _client = null!;
    private int _round;
    private string[] _instances = [];

    [Params(false, true)]
    public bool Filter { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _reference = await ReferenceServerFixture.StartAsync(10_000, filterRequestTargets: Filter);
        _client = BenchHttp.Create(_reference.BaseUri, "bench", "benchpw");
        using var doc = System.Text.Json.JsonDocument.Parse(await BenchHttp.GetBytesAsync(_client, "/2/instances"));
        _instances = [.. doc.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _reference.DisposeAsync();
    }

    [Benchmark]
    public async Task<int> BulkInstances10k() => (await BenchHttp.GetBytesAsync(_client, "/2/instances?bulk=1")).Length;

    /// <summary>Per-job time = mean / Batch. Each round tags other instances, so no object nears Ganeti's tag limit.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task SubmitTagJobs()
    {
        var round = Interlocked.Increment(ref _round);
        await Task.WhenAll(Enumerable.Range(0, Batch).Select(async i =>
        {
            var instance = _instances[(round * Batch + i) % _instances.Length];
            using var response = await _client.PutAsync($"2/instances/{instance}/tags?tag=f{round}", null);
            if ((int)response.StatusCode != 200) throw new InvalidOperationException($"PUT instance tags answered {(int)response.StatusCode}");
        }));
    }
}
