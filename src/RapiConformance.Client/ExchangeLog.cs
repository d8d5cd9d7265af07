using System.Collections.Concurrent;

namespace RapiConformance.Client;

/// <summary>
/// Every exchange of a run, in order, shared by the clients of one run (thread-safe). A log made with
/// <c>retain: false</c> only numbers and announces exchanges (the fuzzer sends hundreds of thousands and
/// keeps the few it reports itself).
/// </summary>
public sealed class ExchangeLog(bool retain = true)
{
    private readonly ConcurrentQueue<Exchange> _items = new();
    private long _sequence;
    private long _count;

    /// <summary>Raised after each exchange is recorded (progress displays subscribe).</summary>
    public event Action<Exchange>? Recorded;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(Exchange exchange)
    {
        if (retain) _items.Enqueue(exchange);
        Interlocked.Increment(ref _count);
        Recorded?.Invoke(exchange);
    }

    /// <summary>The retained exchanges in order (empty for a log that does not retain).</summary>
    public IReadOnlyList<Exchange> Snapshot() => _items.OrderBy(e => e.Sequence).ToList();

    /// <summary>Exchanges recorded so far (retained or not).</summary>
    public int Count => (int)Interlocked.Read(ref _count);
}
