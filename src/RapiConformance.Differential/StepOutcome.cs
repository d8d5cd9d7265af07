namespace RapiConformance.Differential;

/// <summary>What one step gave on both sides and how the answers differ. Skipped steps carry the reason.</summary>
public sealed record StepOutcome(
    DiffStep Step,
    string? SkipReason,
    ObservedResponse? A,
    ObservedResponse? B,
    JobOutcome? AJob,
    JobOutcome? BJob,
    IReadOnlyList<Difference> Differences)
{
    public bool Skipped => SkipReason is not null;

    public static StepOutcome Skip(DiffStep step, string reason) => new(step, reason, null, null, null, null, []);
}
