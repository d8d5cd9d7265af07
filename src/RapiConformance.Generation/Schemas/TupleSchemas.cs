using System.Runtime.CompilerServices;
using NJsonSchema;

namespace RapiConformance.Generation.Schemas;

/// <summary>
/// The per-position schemas of a tuple array (the spec's x-rapi-tuple extension: OpenAPI 3.0 has no
/// prefixItems, so the spec validates items loosely and names each position's schema beside it).
/// </summary>
public sealed class TupleSchemas
{
    private readonly ConditionalWeakTable<JsonSchema, IReadOnlyList<JsonSchema>> _cache = new();

    public IReadOnlyList<JsonSchema> For(JsonSchema schema) => _cache.GetValue(schema, Read);

    private static IReadOnlyList<JsonSchema> Read(JsonSchema schema)
    {
        if (schema.ExtensionData is null || !schema.ExtensionData.TryGetValue("x-rapi-tuple", out var raw) || raw is null) return [];
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(raw);
        var items = Newtonsoft.Json.Linq.JArray.Parse(json);
        return items.Select(i => JsonSchema.FromJsonAsync(i.ToString()).GetAwaiter().GetResult()).ToList();
    }
}
