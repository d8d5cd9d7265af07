namespace RapiConformance.Generation.Requests;

/// <summary>The one change that turned a valid request into a negative one; Location names what it touched.</summary>
public sealed record Mutation(MutationKind Kind, string Location, string Detail)
{
    /// <summary>Path segments of a body location ("body", then member names and indexes); empty for others.</summary>
    public IReadOnlyList<object> BodyPath { get; init; } = [];

    public override string ToString() => $"{Kind.ToKebab()} at {Location}: {Detail}";
}
