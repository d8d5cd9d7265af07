using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RapiConformance.Server.Jobs;

/// <summary>Checks a value against an opcode parameter's JSON-Schema-like check (the dialect of opcodes-3.0.json).</summary>
public static class OpcodeSchema
{
    public static bool Matches(JsonNode? value, JsonObject schema)
    {
        if (schema["type"] is { } type)
        {
            var types = type is JsonArray a ? a.Select(x => x!.GetValue<string>()).ToList() : [type.GetValue<string>()];
            if (!types.Any(t => IsType(value, t))) return false;
        }
        if (schema["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(Normalize(o), Normalize(value)))) return false;
        if (schema["anyOf"] is JsonArray any && !any.Any(s => Matches(value, (JsonObject)s!))) return false;
        if (schema["allOf"] is JsonArray all && !all.All(s => Matches(value, (JsonObject)s!))) return false;
        if (schema["oneOf"] is JsonArray one && !one.Any(s => Matches(value, (JsonObject)s!))) return false;
        if (value is JsonValue v)
        {
            if (v.GetValueKind() == JsonValueKind.Number)
            {
                var d = v.Num();
                if (schema["minimum"] is { } min && d < min.Num()) return false;
                if (schema["maximum"] is { } max && d > max.Num()) return false;
                if (schema["exclusiveMinimum"] is { } emin && d <= emin.Num()) return false;
                if (schema["exclusiveMaximum"] is { } emax && d >= emax.Num()) return false;
            }
            if (v.GetValueKind() == JsonValueKind.String)
            {
                var s = v.GetValue<string>();
                if (schema["minLength"] is { } ml && s.Length < ml.Long()) return false;
                if (schema["maxLength"] is { } xl && s.Length > xl.Long()) return false;
                if (schema["pattern"] is { } p && !Regex.IsMatch(s, p.GetValue<string>())) return false;
            }
        }
        if (value is JsonArray arr)
        {
            if (schema["minItems"] is { } mi && arr.Count < mi.Long()) return false;
            if (schema["maxItems"] is { } xi && arr.Count > xi.Long()) return false;
            if (schema["prefixItems"] is JsonArray prefix)
                for (var i = 0; i < Math.Min(prefix.Count, arr.Count); i++)
                    if (!Matches(arr[i], (JsonObject)prefix[i]!)) return false;
            if (schema["items"] is JsonObject items && !arr.All(x => Matches(x, items))) return false;
        }
        if (value is JsonObject obj)
        {
            var props = schema["properties"] as JsonObject;
            foreach (var (k, x) in obj)
            {
                if (props?[k] is JsonObject ps) { if (!Matches(x, ps)) return false; }
                else if (schema["additionalProperties"] is JsonObject ap && !Matches(x, ap)) return false;
                else if (schema["additionalProperties"] is JsonValue apv && apv.GetValueKind() == JsonValueKind.False) return false;
            }
            if (schema["required"] is JsonArray req && req.Any(r => !obj.ContainsKey(r!.GetValue<string>()))) return false;
            // Ganeti's TDictOf(TElemOf ...): diskparams keyed by disk template, nicparams by NIC parameter.
            if (schema["propertyNames"] is JsonObject names && obj.Any(p => !Matches(JsonValue.Create(p.Key), names))) return false;
        }
        return true;
    }

    private static JsonNode? Normalize(JsonNode? n) =>
        n is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? JsonValue.Create(v.Num()) : n;

    private static bool IsType(JsonNode? value, string type)
    {
        var kind = value is null ? JsonValueKind.Null : value.GetValueKind();
        return type switch
        {
            "null" => kind == JsonValueKind.Null,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "string" => kind == JsonValueKind.String,
            "array" => kind == JsonValueKind.Array,
            "object" => kind == JsonValueKind.Object,
            "number" => kind == JsonValueKind.Number,
            "integer" => kind == JsonValueKind.Number && IsWhole(value!),
            _ => true,
        };
    }

    // Python's json reads digits as int and anything with '.', 'e' or 'E' as float; ht.TInt takes only ints.
    private static bool IsWhole(JsonNode n) => n.IsInteger();
}
