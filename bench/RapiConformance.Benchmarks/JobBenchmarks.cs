using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace RapiConformance.Benchmarks;

/// <summary>
/// Jobs in the reference server over HTTP: submission (the answer comes once the job is durable in
/// SQLite) and trivial-job completion (cluster tag jobs, from submission to terminal status).
/// Each invocation handles <see cref="Batch"/> jobs concurrently; per-job time = mean / Batch, so
/// jobs per second = 1 / that. Tags are removed again between iterations so the cluster stays small.
/// </summary>
[MemoryDiagnoser]
public class JobBenchmarks
{
    public const int Batch = 1000;
    private ReferenceServerFixture _reference = null!;
    private HttpClient _client = null!;
    private readonly List<long> _jobs = [];
    private readonly List<string> _tags = [];
    private int _round;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _reference = await ReferenceServerFixture.StartAsync(100);
        _client = BenchHttp.Create(_reference.BaseUri, "bench", "benchpw");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _reference.DisposeAsync();
    }

    [IterationSetup]
    public void NextRound()
    {
        _round++;
        _jobs.Clear();
        _tags.Clear();
        for (var i = 0; i < Batch; i++) _tags.Add($"bench-{_round}-{i}");
    }

    /// <summary>Jobs accepted and persisted: every answer is a job id, given after the commit.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task SubmitJobs() => _jobs.AddRange(await Task.WhenAll(_tags.Select(SubmitAsync)));

    /// <summary>Submitted and run to their terminal status (success).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task SubmitAndCompleteTrivialJobs()
    {
        var ids = await Task.WhenAll(_tags.Select(SubmitAsync));
        _jobs.AddRange(ids);
        var statuses = await Task.WhenAll(ids.Select(WaitTerminalAsync));
        if (statuses.Any(s => s != "success")) throw new InvalidOperationException($"a trivial job ended {statuses.First(s => s != "success")}");
    }

    [IterationCleanup]
    public void RemoveTags()
    {
        Task.WhenAll(_jobs.Select(WaitTerminalAsync)).GetAwaiter().GetResult();
        var removals = _tags.Chunk(200).Select(chunk => SubmitAsync(HttpMethod.Delete, "2/tags?" + string.Join('&', chunk.Select(t => "tag=" + t))));
        var ids = Task.WhenAll(removals).GetAwaiter().GetResult();
        Task.WhenAll(ids.Select(WaitTerminalAsync)).GetAwaiter().GetResult();
    }

    private Task<long> SubmitAsync(string tag) => SubmitAsync(HttpMethod.Put, "2/tags?tag=" + tag);

    private async Task<long> SubmitAsync(HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 200 || !long.TryParse(body.Trim(), out var id))
            throw new InvalidOperationException($"{method} /{path[..Math.Min(40, path.Length)]} answered {(int)response.StatusCode}: {body}");
        return id;
    }

    private async Task<string> WaitTerminalAsync(long id)
    {
        string? previous = null;
        while (true)
        {
            var body = JsonSerializer.Serialize(new { fields = new[] { "status" }, previous_job_info = previous is null ? null : new[] { previous } });
            using var request = new HttpRequestMessage(HttpMethod.Get, $"2/jobs/{id}/wait") { Content = new StringContent(body, Encoding.UTF8) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await _client.SendAsync(request);
            if ((int)response.StatusCode != 200) throw new InvalidOperationException($"wait for job {id} answered {(int)response.StatusCode}");
            using var doc = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                previous = doc.RootElement.GetProperty("job_info")[0].GetString();
                if (previous is "success" or "error" or "canceled") return previous;
            }
        }
    }
}
