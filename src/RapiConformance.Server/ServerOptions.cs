using RapiConformance.Spec;

namespace RapiConformance.Server;

/// <summary>How to start a reference server (the same knobs as `serve`).</summary>
public sealed record ServerOptions
{
    public Profile Profile { get; init; } = Profile.V3_0;

    public string Bind { get; init; } = "127.0.0.1";

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; } = 5080;

    public bool UseTls { get; init; } = true;

    /// <summary>PEM certificate and key; when null a self-signed certificate is made and kept in the state directory.</summary>
    public string? CertificateFile { get; init; }

    public string? KeyFile { get; init; }

    /// <summary>null: a fresh temporary directory (removed on dispose).</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Ganeti-format users file; null means no users (every request that needs a user gets 401).</summary>
    public string? UsersFile { get; init; }

    /// <summary>Like ganeti-rapi --require-authentication (Debian's default): every request needs a valid user.</summary>
    public bool RequireAuthentication { get; init; }

    /// <summary>The seed cluster: <see cref="Cluster.ClusterShape.Generated"/> (from Nodes, Instances, Seed) or
    /// <see cref="Cluster.ClusterShape.GanetiLive"/> (a copy of shared/ganeti-live's seeded cluster).</summary>
    public string Shape { get; init; } = Cluster.ClusterShape.Generated;

    public int Nodes { get; init; } = 3;

    public int Instances { get; init; } = 10;

    public int Seed { get; init; } = 1;

    public IReadOnlyList<string> Faults { get; init; } = [];

    public int JobWorkers { get; init; } = 2;

    /// <summary>Simulated time a job spends waiting and running (0: as fast as possible).</summary>
    public TimeSpan JobRunTime { get; init; } = TimeSpan.Zero;

    /// <summary>How long /2/jobs/{id}/wait blocks without a change (Ganeti: 10 s).</summary>
    public TimeSpan JobWaitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Finalized jobs kept in /2/jobs; older ones are archived (still readable by id).</summary>
    public int KeepFinalizedJobs { get; init; } = 2000;

    /// <summary>
    /// Start with the job queue drained (`gnt-cluster queue drain`): every submission answers Ganeti 3.0's 500
    /// "Queue drained". Can be changed while running through <see cref="Jobs.JobQueue.Drained"/>.
    /// </summary>
    public bool QueueDrained { get; init; }

    /// <summary>
    /// Jobs the queue holds (not archived) before a submission answers 503 "Job queue is full, needs archiving";
    /// 0: no limit, as Ganeti 3.0's luxid (JOB_QUEUE_SIZE_HARD_LIMIT = 5000 is enforced only by Ganeti 2.x).
    /// </summary>
    public int QueueLimit { get; init; }

    /// <summary>
    /// Rewrite "%00" in request paths before Kestrel parses them (<see cref="Http.RequestTargetFilter"/>), so they get
    /// Ganeti's 404 instead of Kestrel's empty 400. Off only to measure what the filter costs.
    /// </summary>
    public bool FilterRequestTargets { get; init; } = true;

    /// <summary>How long a request head may take to arrive (Kestrel's RequestHeadersTimeout; the filter keeps it too).</summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest accepted request body (Ganeti has none; we answer 413 beyond this).</summary>
    public long MaxBodyBytes { get; init; } = 4 * 1024 * 1024;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
