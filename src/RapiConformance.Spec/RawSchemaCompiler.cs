using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace RapiConformance.Spec;

/// <summary>
/// Compiles the inline schemas of the <c>x-rapi-tuple</c> extension (positional item schemas, which OpenAPI
/// 3.0 cannot express) straight from their JSON into <see cref="SchemaNode"/>s. They are plain inline
/// schemas (no $ref), so a small reader of the OpenAPI 3.0 keywords suffices.
/// </summary>
internal static class RawSchemaCompiler
{
    public static SchemaNode[] CompileTuple(object extensionValue)
    {
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(extensionValue);
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
            throw new InvalidOperationException("x-rapi-tuple must be a list of schemas");
        return doc.RootElement.EnumerateArray().Select(Compile).ToArray();
    }

    public static SchemaNode Compile(JsonElement s)
    {
        if (s.ValueKind != JsonValueKind.Object) throw new InvalidOperationException("a schema must be an object: " + s.GetRawText());
        if (s.TryGetProperty("$ref", out _)) throw new InvalidOperationException("x-rapi-tuple schemas must be inline (no $ref)");
        var n = new SchemaNode();
        if (s.TryGetProperty("type", out var type)) n.Type = TypeOf(type.GetString()!);
        n.ExplicitNull = s.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True;
        if (s.TryGetProperty("enum", out var e))
        {
            n.Enum = e.EnumerateArray().Select(x => x.Clone()).ToArray();
            n.EnumText = n.Enum.Select(x => x.GetRawText()).ToArray();
            if (n.Enum.All(x => x.ValueKind == JsonValueKind.String))
                n.StringEnum = n.Enum.Select(x => Encoding.UTF8.GetBytes(x.GetString()!)).ToArray();
            n.ExplicitNull |= n.Enum.Any(x => x.ValueKind == JsonValueKind.Null);
        }
        if (s.TryGetProperty("items", out var items)) n.Items = Compile(items);
        if (s.TryGetProperty("x-rapi-tuple", out var tuple)) n.TupleItems = tuple.EnumerateArray().Select(Compile).ToArray();
        n.MinItems = Int(s, "minItems") ?? 0;
        n.MaxItems = Int(s, "maxItems") ?? 0;
        n.MinLength = Int(s, "minLength");
        n.MaxLength = Int(s, "maxLength");
        if (s.TryGetProperty("pattern", out var pattern))
        {
            n.PatternText = pattern.GetString();
            n.Pattern = new Regex(n.PatternText!, RegexOptions.CultureInvariant);
        }
        n.Minimum = s.TryGetProperty("minimum", out var min) ? min.GetDouble() : null;
        n.Maximum = s.TryGetProperty("maximum", out var max) ? max.GetDouble() : null;
        n.ExclusiveMinimum = s.TryGetProperty("exclusiveMinimum", out var xmin) && xmin.ValueKind == JsonValueKind.True;
        n.ExclusiveMaximum = s.TryGetProperty("exclusiveMaximum", out var xmax) && xmax.ValueKind == JsonValueKind.True;
        if (s.TryGetProperty("additionalProperties", out var additional))
        {
            if (additional.ValueKind == JsonValueKind.False) n.AllowAdditionalProperties = false;
            else if (additional.ValueKind == JsonValueKind.Object) n.AdditionalProperties = Compile(additional);
        }
        if (s.TryGetProperty("properties", out var props))
        {
            var required = s.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
            n.Properties = props.EnumerateObject()
                .Select(p => new PropertyNode(p.Name, Encoding.UTF8.GetBytes(p.Name), required.Contains(p.Name), Compile(p.Value)))
                .ToArray();
        }
        n.AnyOf = Many(s, "anyOf");
        n.AllOf = Many(s, "allOf");
        n.OneOf = Many(s, "oneOf");
        return n;
    }

    private static SchemaNode[] Many(JsonElement s, string key) =>
        s.TryGetProperty(key, out var list) ? list.EnumerateArray().Select(Compile).ToArray() : [];

    private static int? Int(JsonElement s, string key) => s.TryGetProperty(key, out var v) ? v.GetInt32() : null;

    private static JsonObjectType TypeOf(string type) => type switch
    {
        "string" => JsonObjectType.String,
        "integer" => JsonObjectType.Integer,
        "number" => JsonObjectType.Number,
        "boolean" => JsonObjectType.Boolean,
        "array" => JsonObjectType.Array,
        "object" => JsonObjectType.Object,
        _ => throw new InvalidOperationException($"unknown type '{type}' in x-rapi-tuple"),
    };
}
