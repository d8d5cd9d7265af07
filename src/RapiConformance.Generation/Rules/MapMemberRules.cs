using System.Runtime.CompilerServices;
using System.Text.Json;
using NJsonSchema;
using RapiConformance.Generation.Schemas;

namespace RapiConformance.Generation.Rules;

/// <summary>
/// Known members of free-form parameter maps (beparams: memory sizes are non-negative), read from the
/// embedded map-member-rules.json. A free-form map with a known name is generated and checked through a
/// refined schema that adds those members; everything else about the map stays free-form.
/// </summary>
public sealed class MapMemberRules
{
    private readonly Dictionary<string, string> _membersJson;
    private readonly ConditionalWeakTable<JsonSchema, JsonSchema> _refined = new();
    private readonly ConditionalWeakTable<JsonSchema, string> _refinedNames = new();

    private MapMemberRules(Dictionary<string, string> membersJson) => _membersJson = membersJson;

    public static MapMemberRules None { get; } = new([]);

    public static MapMemberRules LoadEmbedded()
    {
        using var stream = typeof(MapMemberRules).Assembly.GetManifestResourceStream("map-member-rules.json")
            ?? throw new InvalidOperationException("map-member-rules.json is not embedded");
        using var doc = JsonDocument.Parse(stream);
        var maps = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var map in doc.RootElement.GetProperty("maps").EnumerateObject())
            maps[map.Name] = map.Value.GetProperty("members").GetRawText();
        return new MapMemberRules(maps);
    }

    /// <summary>The refined schema for member <paramref name="name"/> when it is a free-form map with known members; else null.</summary>
    public JsonSchema? Refine(string name, JsonSchema memberSchema)
    {
        if (!_membersJson.TryGetValue(name, out var members)) return null;
        var actual = memberSchema.ActualSchema;
        if (actual.ActualProperties.Count > 0 || SchemaGen.InferredType(actual) is not (JsonObjectType.Object or JsonObjectType.None)) return null;
        return _refined.GetValue(actual, s =>
        {
            var nullable = SchemaGen.IsNullable(s) ? ",\"nullable\":true" : "";
            var refined = JsonSchema.FromJsonAsync($"{{\"type\":\"object\",\"properties\":{members},\"additionalProperties\":true{nullable}}}").GetAwaiter().GetResult();
            _refinedNames.AddOrUpdate(refined, name);
            return refined;
        });
    }

    /// <summary>True when <paramref name="schema"/> is one this object refined (its checks are rules, not spec).</summary>
    public bool IsRefined(JsonSchema schema) => _refinedNames.TryGetValue(schema, out _);
}
