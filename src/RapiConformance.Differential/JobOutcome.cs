using System.Text.Json.Nodes;

namespace RapiConformance.Differential;

/// <summary>How a followed job went: the distinct statuses seen in order, and the failure, if any.</summary>
public sealed record JobOutcome(
    long JobId,
    IReadOnlyList<string> Statuses,
    string? FinalStatus,
    string? ErrorClass,
    string? Classification,
    string? ErrorMessage,
    JsonNode? Job)
{
    public static readonly IReadOnlySet<string> Finalized = new HashSet<string>(StringComparer.Ordinal) { "success", "error", "canceled" };

    public bool TimedOut => FinalStatus is null || !Finalized.Contains(FinalStatus);
}
