using System.Collections.Concurrent;

namespace RapiConformance.Client;

/// <summary>Every exchange of a run, in order, shared by the clients of one run (thread-safe).</summary>
public sealed class ExchangeLog
{
    private readonly ConcurrentQueue<Exchange> _items = new();
    private long _sequence;

    /// <summary>Raised after each exchange is recorded (progress displays subscribe).</summary>
    public event Action<Exchange>? Recorded;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(Exchange exchange)
    {
        _items.Enqueue(exchange);
        Recorded?.Invoke(exchange);
    }

    public IReadOnlyList<Exchange> Snapshot() => _items.OrderBy(e => e.Sequence).ToList();

    public int Count => _items.Count;
}
