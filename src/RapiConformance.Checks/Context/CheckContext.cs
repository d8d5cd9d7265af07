using System.Collections.Concurrent;
using System.Globalization;
using RapiConformance.Client;
using RapiConformance.Spec;

namespace RapiConformance.Checks;

/// <summary>Everything a check may use: the client, the spec, the profile, the users, the budget and the seed.</summary>
public sealed class CheckContext
{
    private readonly Lazy<Task<ClusterFacts>> _facts;
    private readonly ConcurrentQueue<long> _submittedJobs = new();
    private readonly ConcurrentQueue<JobOutcome> _outcomes = new();

    public CheckContext(RapiClient client, SpecCatalog catalog, Profile profile, int seed)
    {
        Client = client;
        Catalog = catalog;
        Profile = profile;
        Seed = seed;
        Jobs = new JobWaiter(client);
        _facts = new Lazy<Task<ClusterFacts>>(() => FactsLoader.LoadAsync(client, CancellationToken.None));
    }

    public RapiClient Client { get; }
    public SpecCatalog Catalog { get; }
    public Profile Profile { get; }
    public int Seed { get; }
    public JobWaiter Jobs { get; }
    public TargetUsers Users { get; init; } = new();

    /// <summary>False for read-only suites: writing checks are then disabled, never run.</summary>
    public bool AllowWrites { get; init; }

    /// <summary>How many items of a list a sampling check looks at (the suite's example budget).</summary>
    public int SampleSize { get; init; } = 5;

    public TimeSpan JobTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public CleanupList Cleanup { get; } = new();

    public IReadOnlyCollection<long> SubmittedJobs => _submittedJobs.ToList();

    /// <summary>How every job this run followed ended, with the statuses seen on the way.</summary>
    public IReadOnlyCollection<JobOutcome> JobOutcomes => _outcomes.ToList();

    public Task<ClusterFacts> FactsAsync() => _facts.Value;

    public Task<Exchange> SendAsync(RapiRequest request, CancellationToken ct) => Client.SendAsync(request, ct);

    public bool HasOperation(string operationId) => Catalog.Find(operationId)?.InProfile(Profile) == true;

    /// <summary>A name for something a check creates: unique per check purpose and seed, stable across reruns.</summary>
    public string Name(string purpose) => string.Create(CultureInfo.InvariantCulture, $"rc{Seed % 100000}-{purpose}");

    /// <summary>A random source for one check, derived from the run's seed and the check's id.</summary>
    public Random RandomFor(string checkId)
    {
        var h = 17;
        foreach (var c in checkId) h = unchecked(h * 31 + c);
        return new Random(unchecked(Seed * 7919 + h));
    }

    /// <summary>Sends a job-submitting request and follows the job to its end.</summary>
    public async Task<JobSubmission> SubmitAsync(RapiRequest request, CancellationToken ct)
    {
        var exchange = await SendAsync(request, ct);
        if (!exchange.IsSuccess) return new JobSubmission(exchange, null, $"expected 200 with a job id, got {exchange.Summary}: {Excerpt(exchange.ResponseBody)}");
        if (!JobWaiter.TryReadJobId(exchange.Json(), out var id))
            return new JobSubmission(exchange, null, $"200 without a job id: {Excerpt(exchange.ResponseBody)}");
        _submittedJobs.Enqueue(id);
        var outcome = await Jobs.WaitAsync(id, JobTimeout, ct);
        _outcomes.Enqueue(outcome);
        return new JobSubmission(exchange, outcome, outcome.Succeeded ? null : outcome.Describe());
    }

    public static string Excerpt(string text, int max = 200) =>
        text.Length <= max ? text : text[..max] + "…";
}
