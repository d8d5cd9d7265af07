namespace RapiConformance.Client;

/// <summary>Ganeti's job statuses (jobs.md) and the order in which a job may move through them.</summary>
public static class JobStatus
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
        { "queued", "waiting", "running", "canceling", "canceled", "success", "error" };

    public static readonly IReadOnlySet<string> Finalized = new HashSet<string>(StringComparer.Ordinal)
        { "success", "error", "canceled" };

    /// <summary>A rank that never decreases along a legal path: queued → waiting → (running | canceling) → final.</summary>
    public static int Rank(string status) => status switch
    {
        "queued" => 0,
        // A job's status is that of its current opcode, so a multi-opcode job moves running → waiting
        // when its next opcode waits for locks (seen on real Ganeti 3.0.2 with reinstall's three opcodes).
        "waiting" or "running" => 1,
        "canceling" => 2,
        "success" or "error" or "canceled" => 3,
        _ => -1,
    };

    /// <summary>Ganeti's error classifications (errors.ECODE_*).</summary>
    public static readonly IReadOnlySet<string> ErrorClassifications = new HashSet<string>(StringComparer.Ordinal)
    {
        "resolver_error", "insufficient_resources", "temp_insufficient_resources", "wrong_input", "wrong_state",
        "unknown_entity", "already_exists", "resource_not_unique", "internal_error", "environment_error",
    };
}
