using System.Text.Json.Nodes;
using NJsonSchema;
using RapiConformance.Spec;

namespace RapiConformance.Generation.Schemas;

/// <summary>
/// Walks a JSON body alongside its schema and lists every value with the schema that governs it, so
/// mutations and shrinking can act one location at a time. Also edits a deep copy at a location.
/// </summary>
public sealed class BodyWalker(SchemaValidator validator, Rules.MapMemberRules? maps = null)
{
    public IReadOnlyList<BodyLocation> Walk(JsonNode? root, JsonSchema schema)
    {
        var result = new List<BodyLocation>();
        Visit(root, schema.ActualSchema, [], required: true, result, 0);
        return result;
    }

    private void Visit(JsonNode? value, JsonSchema schema, List<object> path, bool required, List<BodyLocation> result, int depth)
    {
        schema = Resolve(schema.ActualSchema, value);
        result.Add(new BodyLocation(path.ToArray(), value, schema, required));
        if (depth > 12) return;
        switch (value)
        {
            case JsonObject o:
                var props = AllProperties(schema);
                var requiredNames = RequiredNames(schema);
                foreach (var (name, child) in o)
                {
                    JsonSchema? childSchema = props.TryGetValue(name, out var p) ? p : schema.AdditionalPropertiesSchema;
                    if (childSchema is null) continue;
                    childSchema = maps?.Refine(name, childSchema) ?? childSchema;
                    path.Add(name);
                    Visit(child, childSchema, path, requiredNames.Contains(name), result, depth + 1);
                    path.RemoveAt(path.Count - 1);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var itemSchema = schema.Item ?? (schema.Items.Count > i ? schema.Items.ElementAt(i) : null);
                    if (itemSchema is null) continue;
                    path.Add(i);
                    Visit(a[i], itemSchema, path, required: schema.Items.Count > i || i < schema.MinItems, result, depth + 1);
                    path.RemoveAt(path.Count - 1);
                }
                break;
        }
    }

    /// <summary>For oneOf/anyOf, the alternative the value actually matches (else the first).</summary>
    private JsonSchema Resolve(JsonSchema schema, JsonNode? value)
    {
        var alternatives = schema.OneOf.Concat(schema.AnyOf).ToList();
        if (alternatives.Count == 0) return schema;
        var text = value?.ToJsonString() ?? "null";
        foreach (var alt in alternatives)
            if (validator.Validate(alt.ActualSchema, text).Count == 0) return Resolve(alt.ActualSchema, value);
        return alternatives[0].ActualSchema;
    }

    public static IReadOnlyDictionary<string, JsonSchema> AllProperties(JsonSchema schema)
    {
        var props = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var (k, v) in schema.ActualProperties) props[k] = v;
        foreach (var part in schema.AllOf)
            foreach (var (k, v) in part.ActualSchema.ActualProperties) props.TryAdd(k, v);
        return props;
    }

    public static ISet<string> RequiredNames(JsonSchema schema)
    {
        var names = new HashSet<string>(schema.RequiredProperties, StringComparer.Ordinal);
        foreach (var (k, v) in schema.ActualProperties) if (v.IsRequired) names.Add(k);
        foreach (var part in schema.AllOf) names.UnionWith(RequiredNames(part.ActualSchema));
        return names;
    }

    /// <summary>A deep copy of <paramref name="root"/> with the value at <paramref name="path"/> replaced (or removed when <paramref name="remove"/>).</summary>
    public static JsonNode? Edit(JsonNode? root, IReadOnlyList<object> path, Func<JsonNode?, JsonNode?> replace, bool remove = false)
    {
        if (path.Count == 0) return remove ? null : replace(root?.DeepClone());
        var copy = root!.DeepClone();
        var parent = copy;
        for (var i = 0; i < path.Count - 1; i++)
            parent = path[i] is int idx ? parent!.AsArray()[idx] : parent!.AsObject()[(string)path[i]];
        var last = path[^1];
        if (parent is JsonObject o)
        {
            var key = (string)last;
            var current = o[key]?.DeepClone();
            if (remove) o.Remove(key);
            else o[key] = replace(current);
        }
        else if (parent is JsonArray a)
        {
            var idx = (int)last;
            var current = a[idx]?.DeepClone();
            if (remove) a.RemoveAt(idx);
            else a[idx] = replace(current);
        }
        return copy;
    }
}
