using System.Text.RegularExpressions;
using RapiConformance.Spec;

namespace RapiConformance.Generation.Running;

/// <summary>Everything that decides a fuzz run; the same options and seed give the same cases.</summary>
public sealed record FuzzOptions
{
    public Profile Profile { get; init; } = Profile.V3_0;

    /// <summary>Operation ids to fuzz: a regex, or a glob with * (matched against the whole id), comma-separated.</summary>
    public string? Operations { get; init; }

    public bool ReadOnly { get; init; }

    public TimeSpan? Budget { get; init; }

    public int? Examples { get; init; }

    public ulong Seed { get; init; }

    /// <summary>Requests in flight at once in the stateless phase.</summary>
    public int Workers { get; init; } = 8;

    /// <summary>Share of cases that are negative (mutated).</summary>
    public double NegativeShare { get; init; } = 0.5;

    /// <summary>Share of the budget given to stateful sequences (run first, alone).</summary>
    public double StatefulShare { get; init; } = 0.3;

    public int StatefulSequenceLength { get; init; } = 12;

    public int MaxShrinkAttempts { get; init; } = 150;

    public int MaxFailures { get; init; } = 25;

    public TimeSpan JobTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Rerun exactly one stateless case (its index in the seed's case stream) instead of a whole run.</summary>
    public long? ReplayCase { get; init; }

    /// <summary>Rerun exactly one stateful sequence (its index) instead of a whole run.</summary>
    public int? ReplaySequence { get; init; }

    public bool Stateless { get; init; } = true;

    /// <summary>Stop the run as soon as a reported failure satisfies this (tests looking for one planted fault).</summary>
    public Func<FuzzFailure, bool>? StopWhen { get; init; }

    public bool Stateful { get; init; } = true;

    /// <summary>Where writes may act; <see cref="Running.WriteScope.Own"/> for any cluster that is not a throw-away reference server.</summary>
    public WriteScope WriteScope { get; init; } = WriteScope.All;

    /// <summary>True when writes are limited to the fuzzer's own entities (and a clean-up phase runs).</summary>
    public bool OwnOnly => WriteScope == WriteScope.Own && !ReadOnly;

    /// <summary>What a replay command must add so the rerun writes where this run did (the CLI's default is "own").</summary>
    public string ReplayScope => ReadOnly ? " --readonly" : OwnOnly ? "" : " --write-scope all";

    public bool Matches(OperationSpec op)
    {
        if (string.IsNullOrWhiteSpace(Operations)) return true;
        foreach (var part in Operations.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pattern = part.Contains('*') && !part.Contains(".*") ? "^" + Regex.Escape(part).Replace("\\*", ".*") + "$" : part;
            if (Regex.IsMatch(op.Id, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)) return true;
        }
        return false;
    }

    /// <summary>Operations that only read: GETs that need no write right (the job-submitting GET /2/instances/{i}/info included).</summary>
    public static bool IsRead(OperationSpec op) => op.Method == "GET" && !op.Writes;
}
