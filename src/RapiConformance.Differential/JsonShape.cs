using System.Text.Json;
using System.Text.Json.Nodes;

namespace RapiConformance.Differential;

/// <summary>
/// The shape of a JSON value: every path (<c>$.a.b[].c</c>) with the set of JSON types seen there.
/// Array elements share one path (<c>[]</c>), so a list's shape is the union of its elements' shapes.
/// Object keys go through a normalizer so that keys named after entities (an instance name) compare.
/// </summary>
public sealed class JsonShape
{
    private readonly SortedDictionary<string, SortedSet<string>> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _parents = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, SortedSet<string>> Types => _types;

    public static JsonShape Of(JsonNode? node, Func<string, string>? normalizeKey = null)
    {
        var shape = new JsonShape();
        shape.Walk("$", node, normalizeKey ?? (k => k));
        return shape;
    }

    /// <summary>The path of the object or array that holds this one; null for the root.</summary>
    public string? ParentOf(string path) => _parents.GetValueOrDefault(path);

    public bool Has(string path) => _types.ContainsKey(path);

    public IReadOnlySet<string> At(string path) => _types.TryGetValue(path, out var t) ? t : new SortedSet<string>();

    private void Walk(string path, JsonNode? node, Func<string, string> normalizeKey)
    {
        Add(path, TypeOf(node));
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var name = normalizeKey(key);
                    var child = name.Contains('.') || name.Contains('[') ? $"{path}['{name}']" : $"{path}.{name}";
                    _parents[child] = path;
                    Walk(child, value, normalizeKey);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    _parents[path + "[]"] = path;
                    Walk(path + "[]", item, normalizeKey);
                }
                break;
        }
    }

    private void Add(string path, string type)
    {
        if (!_types.TryGetValue(path, out var set))
        {
            _types[path] = set = new SortedSet<string>(StringComparer.Ordinal);
        }
        set.Add(type);
    }

    /// <summary>JSON Schema type names; a number with no fraction counts as integer.</summary>
    public static string TypeOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => v.TryGetValue<long>(out _) ? "integer" : "number",
            JsonValueKind.Null => "null",
            _ => "unknown",
        },
        _ => "unknown",
    };
}
