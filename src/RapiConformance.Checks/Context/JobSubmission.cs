using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>A request that should have submitted a job, and how that job ended. Problem is null on success.</summary>
public sealed record JobSubmission(Exchange Exchange, JobOutcome? Outcome, string? Problem)
{
    public bool Succeeded => Problem is null;
}
