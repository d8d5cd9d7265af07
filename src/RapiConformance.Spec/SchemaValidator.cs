using System.Runtime.CompilerServices;
using System.Text.Json;
using NJsonSchema;

namespace RapiConformance.Spec;

/// <summary>
/// Validates JSON against the spec's schemas with OpenAPI 3.0 semantics (nullable, integer vs number,
/// additionalProperties false, enum, allOf/anyOf/oneOf/not). Each schema is compiled once into a
/// <see cref="SchemaNode"/> tree and cached; the walk over System.Text.Json elements allocates nothing
/// per element while the data is valid (paths are built only for errors).
/// </summary>
public sealed class SchemaValidator
{
    private readonly ConditionalWeakTable<JsonSchema, SchemaNode> _compiled = new();
    private readonly Lock _compileLock = new();

    public static SchemaValidator Shared { get; } = new();

    /// <summary>Errors as "path: message"; empty when the JSON is valid. Unparseable JSON is one error.</summary>
    public IReadOnlyList<string> Validate(JsonSchema schema, ReadOnlySpan<byte> utf8Json)
    {
        JsonDocument doc;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 256 });
            doc = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            return [$"$: not valid JSON ({e.Message})"];
        }
        using (doc) return Validate(schema, doc.RootElement);
    }

    /// <summary>Like the span overload, but parses the bytes in place (JsonDocument keeps no copy of them).</summary>
    public IReadOnlyList<string> Validate(JsonSchema schema, ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            return [$"$: not valid JSON ({e.Message})"];
        }
        using (doc) return Validate(schema, doc.RootElement);
    }

    public IReadOnlyList<string> Validate(JsonSchema schema, byte[] utf8Json) =>
        Validate(schema, (ReadOnlyMemory<byte>)utf8Json);

    public IReadOnlyList<string> Validate(JsonSchema schema, string json) =>
        Validate(schema, System.Text.Encoding.UTF8.GetBytes(json));

    public IReadOnlyList<string> Validate(JsonSchema schema, JsonElement element)
    {
        var run = new ValidationRun(collect: true);
        run.Check(Compile(schema), element);
        return run.Errors ?? (IReadOnlyList<string>)[];
    }

    /// <summary>True when the element is valid; stops at the first problem and builds no messages.</summary>
    public bool IsValid(JsonSchema schema, JsonElement element) =>
        new ValidationRun(collect: false).Check(Compile(schema), element);

    internal SchemaNode Compile(JsonSchema schema)
    {
        var key = schema.ActualSchema;
        if (_compiled.TryGetValue(key, out var node)) return node;
        lock (_compileLock)
        {
            if (_compiled.TryGetValue(key, out node)) return node;
            var seen = new Dictionary<JsonSchema, SchemaNode>(ReferenceEqualityComparer.Instance);
            node = SchemaNode.Compile(key, seen);
            foreach (var (s, n) in seen) _compiled.AddOrUpdate(s, n);
            return node;
        }
    }
}
