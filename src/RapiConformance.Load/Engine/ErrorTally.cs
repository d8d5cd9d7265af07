using System.Collections.Concurrent;

namespace RapiConformance.Load.Engine;

/// <summary>Errors counted by kind ("http-503", "timeout", "connection", "job-error", ...).</summary>
public sealed class ErrorTally
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private long _total;

    public void Add(string kind)
    {
        _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _total);
    }

    public long Total => Interlocked.Read(ref _total);

    public IReadOnlyDictionary<string, long> Snapshot() =>
        new SortedDictionary<string, long>(_counts.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
}
