namespace RapiConformance.Generation.Stateful;

/// <summary>An instance as the model knows it: admin state ("up"/"down", null when the target does not say) and tags.</summary>
public sealed record InstanceModel(string? AdminState, SortedSet<string> Tags);
