using System.Text.Json;
using NJsonSchema;
using NSwag;

namespace RapiConformance.Spec;

/// <summary>
/// Turns the <c>x-rapi-tuple</c> extension (positional item schemas, which OpenAPI 3.0 cannot state) into
/// NJsonSchema's positional <see cref="JsonSchema.Items"/> once, at load time, so every reader of the
/// catalog (the validator, the generators) sees the same tuple. <see cref="JsonSchema.Item"/> keeps the
/// union of the member types that the OpenAPI document states.
/// </summary>
internal static class TupleSchemas
{
    public static void Expand(OpenApiDocument document)
    {
        var seen = new HashSet<JsonSchema>(ReferenceEqualityComparer.Instance);
        foreach (var schema in document.Components.Schemas.Values) Walk(schema, seen);
        foreach (var item in document.Paths.Values)
        {
            foreach (var p in item.Parameters) Walk(p.ActualParameter.Schema, seen);
            foreach (var op in item.Values)
            {
                foreach (var p in op.Parameters) Walk(p.ActualParameter.Schema, seen);
                if (op.RequestBody is { } body)
                    foreach (var media in body.ActualRequestBody.Content.Values) Walk(media.Schema, seen);
                foreach (var response in op.Responses.Values)
                    foreach (var media in response.ActualResponse.Content.Values) Walk(media.Schema, seen);
            }
        }
    }

    private static void Walk(JsonSchema? schema, HashSet<JsonSchema> seen)
    {
        if (schema is null) return;
        var s = schema.ActualSchema;
        if (!seen.Add(s)) return;
        if (s.Items.Count == 0 && s.ExtensionData?.TryGetValue("x-rapi-tuple", out var tuple) == true && tuple is not null)
        {
            using var doc = JsonDocument.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(tuple));
            if (doc.RootElement.ValueKind != JsonValueKind.Array) throw new InvalidOperationException("x-rapi-tuple must be a list of schemas");
            foreach (var position in doc.RootElement.EnumerateArray()) s.Items.Add(Fill(new JsonSchema(), position));
        }
        foreach (var p in s.Properties.Values) Walk(p, seen);
        Walk(s.Item, seen);
        foreach (var i in s.Items) Walk(i, seen);
        Walk(s.AdditionalPropertiesSchema, seen);
        Walk(s.Not, seen);
        foreach (var x in s.AllOf.Concat(s.AnyOf).Concat(s.OneOf)) Walk(x, seen);
    }

    /// <summary>Reads an inline OpenAPI 3.0 schema (no $ref) into an NJsonSchema object.</summary>
    private static T Fill<T>(T s, JsonElement e) where T : JsonSchema
    {
        if (e.ValueKind != JsonValueKind.Object) throw new InvalidOperationException("a schema must be an object: " + e.GetRawText());
        if (e.TryGetProperty("$ref", out _)) throw new InvalidOperationException("x-rapi-tuple schemas must be inline (no $ref)");
        foreach (var m in e.EnumerateObject())
        {
            var v = m.Value;
            switch (m.Name)
            {
                case "type": s.Type = TypeOf(v.GetString()!); break;
                case "nullable": s.IsNullableRaw = v.ValueKind == JsonValueKind.True; break;
                case "description": s.Description = v.GetString(); break;
                case "enum": foreach (var x in v.EnumerateArray()) s.Enumeration.Add(Scalar(x)); break;
                case "items": s.Item = Fill(new JsonSchema(), v); break;
                case "x-rapi-tuple": foreach (var x in v.EnumerateArray()) s.Items.Add(Fill(new JsonSchema(), x)); break;
                case "minItems": s.MinItems = v.GetInt32(); break;
                case "maxItems": s.MaxItems = v.GetInt32(); break;
                case "minLength": s.MinLength = v.GetInt32(); break;
                case "maxLength": s.MaxLength = v.GetInt32(); break;
                case "pattern": s.Pattern = v.GetString(); break;
                case "minimum": s.Minimum = v.GetDecimal(); break;
                case "maximum": s.Maximum = v.GetDecimal(); break;
                case "exclusiveMinimum": s.IsExclusiveMinimum = v.ValueKind == JsonValueKind.True; break;
                case "exclusiveMaximum": s.IsExclusiveMaximum = v.ValueKind == JsonValueKind.True; break;
                case "additionalProperties":
                    if (v.ValueKind == JsonValueKind.False) s.AllowAdditionalProperties = false;
                    else if (v.ValueKind == JsonValueKind.Object) s.AdditionalPropertiesSchema = Fill(new JsonSchema(), v);
                    break;
                case "required": foreach (var x in v.EnumerateArray()) s.RequiredProperties.Add(x.GetString()!); break;
                case "properties": foreach (var p in v.EnumerateObject()) s.Properties[p.Name] = Fill(new JsonSchemaProperty(), p.Value); break;
                case "anyOf": foreach (var x in v.EnumerateArray()) s.AnyOf.Add(Fill(new JsonSchema(), x)); break;
                case "allOf": foreach (var x in v.EnumerateArray()) s.AllOf.Add(Fill(new JsonSchema(), x)); break;
                case "oneOf": foreach (var x in v.EnumerateArray()) s.OneOf.Add(Fill(new JsonSchema(), x)); break;
                default: break; // default, format, x-*: not needed for validation
            }
        }
        return s;
    }

    private static object? Scalar(JsonElement x) => x.ValueKind switch
    {
        JsonValueKind.String => x.GetString(),
        JsonValueKind.Number => x.TryGetInt64(out var l) ? l : x.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => throw new InvalidOperationException("enum values must be scalars: " + x.GetRawText()),
    };

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
