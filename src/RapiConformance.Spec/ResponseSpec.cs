using NJsonSchema;

namespace RapiConformance.Spec;

/// <summary>A documented status of an operation, with the body schema per profile.</summary>
public sealed record ResponseSpec(
    int Status,
    string Description,
    JsonSchema? Schema,
    IReadOnlyDictionary<string, JsonSchema> SchemaByProfile)
{
    /// <summary>The body schema for a profile: the profile's override when the spec has one, else the common schema.</summary>
    public JsonSchema? SchemaFor(Profile profile) =>
        SchemaByProfile.TryGetValue(profile.Name, out var s) ? s : Schema;
}
