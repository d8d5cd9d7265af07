using System.Collections.Concurrent;

namespace RapiConformance.Generation.Running;

/// <summary>Thread-safe counters of a run: cases per expectation, statuses, operations, observations, failures.</summary>
public sealed class RunTally
{
    private readonly ConcurrentDictionary<string, long> _byExpectation = new();
    private readonly ConcurrentDictionary<string, long> _byStatus = new();
    private readonly ConcurrentDictionary<string, long> _byOperation = new();
    private readonly ConcurrentDictionary<(string Kind, string Op), (long Count, string Example)> _observations = new();
    private readonly ConcurrentDictionary<string, byte> _signatures = new();
    private readonly ConcurrentQueue<FuzzFailure> _failures = new();
    private long _cases;
    private int _dropped;

    private long _withheld;

    public long Cases => Interlocked.Read(ref _cases);

    /// <summary>Cases not sent because the write scope does not allow them (see <see cref="WriteGuard"/>).</summary>
    public long Withheld => Interlocked.Read(ref _withheld);

    public void Withhold() => Interlocked.Increment(ref _withheld);

    public int Dropped => _dropped;

    public int FailureCount => _failures.Count;

    public void Count(CaseOutcome outcome)
    {
        Interlocked.Increment(ref _cases);
        _byExpectation.AddOrUpdate(outcome.Request.Expect.ToString().ToLowerInvariant(), 1, (_, n) => n + 1);
        _byStatus.AddOrUpdate((outcome.Response.Status ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
        _byOperation.AddOrUpdate(outcome.Request.OperationId, 1, (_, n) => n + 1);
    }

    public void Observe(string kind, string operationId, string example) =>
        _observations.AddOrUpdate((kind, operationId), (1, example), (_, v) => (v.Count + 1, v.Example));

    /// <summary>True the first time a failure signature is seen (only those are shrunk and reported).</summary>
    public bool FirstOf(string signature) => _signatures.TryAdd(signature, 0);

    public void Add(FuzzFailure failure)
    {
        _failures.Enqueue(failure);
        if (StopWhen?.Invoke(failure) == true) Stopped = true;
    }

    public Func<FuzzFailure, bool>? StopWhen { get; init; }

    /// <summary>Set once a failure satisfied <see cref="StopWhen"/>; every phase ends early then.</summary>
    public bool Stopped { get; private set; }

    public void DroppedFalsePositive() => Interlocked.Increment(ref _dropped);

    public IReadOnlyList<FuzzFailure> Failures => _failures.ToList();

    public IReadOnlyDictionary<string, long> ByExpectation => Sorted(_byExpectation);

    public IReadOnlyDictionary<string, long> ByStatus => Sorted(_byStatus);

    public IReadOnlyDictionary<string, long> ByOperation => Sorted(_byOperation);

    public IReadOnlyList<FuzzObservation> Observations =>
        _observations.OrderBy(kv => kv.Key.Op, StringComparer.Ordinal).Select(kv => new FuzzObservation(kv.Key.Kind, kv.Key.Op, kv.Value.Count, kv.Value.Example)).ToList();

    private static SortedDictionary<string, long> Sorted(ConcurrentDictionary<string, long> d) => new(d, StringComparer.Ordinal);
}
