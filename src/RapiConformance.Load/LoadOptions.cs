namespace RapiConformance.Load;

/// <summary>What one load run does: target, operation, arrival model and its bounds.</summary>
public sealed record LoadOptions
{
    public required Uri Target { get; init; }
    public string? User { get; init; }
    public string? Password { get; init; }
    public bool Insecure { get; init; }
    public required string Operation { get; init; }

    /// <summary>Asked arrival rate in requests per second; 0 in the closed model means "as fast as the workers go".</summary>
    public double Rate { get; init; }

    /// <summary>Measured time, after the warm-up.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Null: open model (constant arrival rate). A number: closed model with that many workers.</summary>
    public int? Concurrency { get; init; }

    public TimeSpan Warmup { get; init; } = TimeSpan.Zero;

    /// <summary>Hard cap on requests issued (warm-up included); the run stops when it is reached.</summary>
    public long MaxRequests { get; init; } = 1_000_000;

    public bool AllowRemote { get; init; }

    /// <summary>Time-out of one HTTP request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long, after the last request was issued, the run waits for answers and job completions.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Width of one point of the time series.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Seed of the read mix and of generated names (so two runs send the same requests).</summary>
    public int Seed { get; init; } = 1;

    public bool IsOpenModel => Concurrency is null;
}
