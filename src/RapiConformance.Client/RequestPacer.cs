namespace RapiConformance.Client;

/// <summary>Spaces requests evenly to at most N per second across all callers (an optional rate limit).</summary>
public sealed class RequestPacer
{
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public RequestPacer(double? perSecond, TimeProvider? time = null)
    {
        _interval = perSecond is > 0 ? TimeSpan.FromSeconds(1 / perSecond.Value) : TimeSpan.Zero;
        _time = time ?? TimeProvider.System;
    }

    public async Task WaitTurnAsync(CancellationToken ct)
    {
        if (_interval == TimeSpan.Zero) return;
        await _gate.WaitAsync(ct);
        try
        {
            var now = _time.GetUtcNow();
            if (_next > now) await Task.Delay(_next - now, _time, ct);
            _next = (_next > now ? _next : now) + _interval;
        }
        finally
        {
            _gate.Release();
        }
    }
}
