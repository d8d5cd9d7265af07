using System.Text.Json.Nodes;
using NJsonSchema;
using RapiConformance.Generation.Schemas;
using RapiConformance.Spec;

namespace RapiConformance.Generation.Rules;

/// <summary>What makes a request body valid: the spec's schema, plus the map-member rules for free-form maps.</summary>
public sealed class BodyRules(SchemaValidator validator, MapMemberRules maps)
{
    public SchemaValidator Validator => validator;

    public MapMemberRules Maps => maps;

    public BodyWalker Walker { get; } = new(validator, maps);

    /// <summary>Errors of a body: the spec's first, then "rule:" errors from map members.</summary>
    public IReadOnlyList<string> Errors(JsonSchema root, JsonNode? body)
    {
        var errors = validator.Validate(root, body?.ToJsonString() ?? "null").ToList();
        if (errors.Count > 0) return errors;
        foreach (var at in Walker.Walk(body, root))
            if (maps.IsRefined(at.Schema))
                errors.AddRange(validator.Validate(at.Schema, at.Value?.ToJsonString() ?? "null").Select(e => $"rule {at.Display}: {e}"));
        return errors;
    }

    public bool IsValid(JsonSchema root, JsonNode? body) => Errors(root, body).Count == 0;
}
