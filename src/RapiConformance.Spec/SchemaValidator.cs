using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using NJsonSchema;

namespace RapiConformance.Spec;

/// <summary>
/// Validates JSON against the spec's schemas with OpenAPI 3.0 semantics (nullable, integer vs number,
/// closed objects). Schemas are compiled once into a small tree and walked over System.Text.Json
/// elements, so validating a 10,000-instance bulk list costs about as much as parsing it.
/// </summary>
public sealed class SchemaValidator
{
    private readonly ConditionalWeakTable<JsonSchema, CompiledSchema> _compiled = new();

    public static SchemaValidator Shared { get; } = new();

    /// <summary>Errors as "path: message"; empty when the JSON is valid. Unparseable JSON is one error.</summary>
    public IReadOnlyList<string> Validate(JsonSchema schema, ReadOnlySpan<byte> utf8Json)
    {
        JsonDocument doc;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            doc = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            return [$"$: not valid JSON ({e.Message})"];
        }
        using (doc) return Validate(schema, doc.RootElement);
    }

    public IReadOnlyList<string> Validate(JsonSchema schema, string json) =>
        Validate(schema, System.Text.Encoding.UTF8.GetBytes(json));

    public IReadOnlyList<string> Validate(JsonSchema schema, JsonElement element)
    {
        var errors = new List<string>();
        Compile(schema).Check(element, "$", errors);
        return errors;
    }

    public bool IsValid(JsonSchema schema, JsonElement element) => Validate(schema, element).Count == 0;

    internal CompiledSchema Compile(JsonSchema schema) =>
        _compiled.GetValue(schema.ActualSchema, s => new CompiledSchema(s, this));
}

internal sealed class CompiledSchema
{
    private readonly JsonSchema _source;
    private readonly SchemaValidator _owner;
    private readonly JsonObjectType _type;
    private readonly bool _nullable;
    private readonly JsonElement[]? _enum;
    private readonly ConcurrentDictionary<string, System.Text.RegularExpressions.Regex> _patterns = new();

    public CompiledSchema(JsonSchema source, SchemaValidator owner)
    {
        _source = source;
        _owner = owner;
        _type = source.Type;
        _nullable = source.IsNullableRaw == true || source.Type.HasFlag(JsonObjectType.Null);
        if (source.Enumeration.Count > 0)
            _enum = source.Enumeration.Select(v => JsonSerializer.SerializeToElement(v)).ToArray();
    }

    public void Check(JsonElement e, string path, List<string> errors)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            if (_nullable || _type == JsonObjectType.None && _enum is null && !HasComposition()) return;
            if (_enum is not null && _enum.Any(v => v.ValueKind == JsonValueKind.Null)) return;
            if (HasComposition()) { CheckComposition(e, path, errors); return; }
            errors.Add($"{path}: null is not allowed");
            return;
        }

        if (_type != JsonObjectType.None && !TypeMatches(e))
        {
            errors.Add($"{path}: expected {Describe(_type)}, got {e.ValueKind.ToString().ToLowerInvariant()}");
            return;
        }

        if (_enum is not null && !_enum.Any(v => JsonElement.DeepEquals(v, e)))
        {
            errors.Add($"{path}: {Short(e)} is not one of [{string.Join(", ", _enum.Select(Short))}]");
            return;
        }

        switch (e.ValueKind)
        {
            case JsonValueKind.Object: CheckObject(e, path, errors); break;
            case JsonValueKind.Array: CheckArray(e, path, errors); break;
            case JsonValueKind.String: CheckString(e, path, errors); break;
            case JsonValueKind.Number: CheckNumber(e, path, errors); break;
        }

        if (HasComposition()) CheckComposition(e, path, errors);
    }

    private bool HasComposition() => _source.OneOf.Count > 0 || _source.AnyOf.Count > 0 || _source.AllOf.Count > 0;

    private void CheckComposition(JsonElement e, string path, List<string> errors)
    {
        foreach (var s in _source.AllOf) _owner.Compile(s).Check(e, path, errors);
        if (_source.AnyOf.Count > 0 && !_source.AnyOf.Any(s => Passes(s, e, path)))
            errors.Add($"{path}: {Short(e)} matches none of the anyOf alternatives");
        if (_source.OneOf.Count > 0)
        {
            var n = _source.OneOf.Count(s => Passes(s, e, path));
            if (n != 1) errors.Add($"{path}: {Short(e)} matches {n} of the oneOf alternatives (exactly one expected)");
        }
    }

    private bool Passes(JsonSchema s, JsonElement e, string path)
    {
        var tmp = new List<string>();
        _owner.Compile(s).Check(e, path, tmp);
        return tmp.Count == 0;
    }

    private bool TypeMatches(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => _type.HasFlag(JsonObjectType.Object),
        JsonValueKind.Array => _type.HasFlag(JsonObjectType.Array),
        JsonValueKind.String => _type.HasFlag(JsonObjectType.String),
        JsonValueKind.True or JsonValueKind.False => _type.HasFlag(JsonObjectType.Boolean),
        JsonValueKind.Number => _type.HasFlag(JsonObjectType.Number) ||
                                _type.HasFlag(JsonObjectType.Integer) && IsInteger(e),
        _ => false,
    };

    private static bool IsInteger(JsonElement e) =>
        e.TryGetInt64(out _) || (e.TryGetDouble(out var d) && Math.Floor(d) == d && !e.GetRawText().Contains('.', StringComparison.Ordinal));

    private void CheckObject(JsonElement e, string path, List<string> errors)
    {
        var props = _source.ActualProperties;
        foreach (var (name, prop) in props)
            if (prop.IsRequired && !e.TryGetProperty(name, out _))
                errors.Add($"{path}: required member '{name}' is missing");
        foreach (var name in _source.RequiredProperties)
            if (!props.ContainsKey(name) && !e.TryGetProperty(name, out _))
                errors.Add($"{path}: required member '{name}' is missing");

        var additional = _source.AdditionalPropertiesSchema;
        foreach (var member in e.EnumerateObject())
        {
            if (props.TryGetValue(member.Name, out var prop))
                _owner.Compile(prop).Check(member.Value, $"{path}.{member.Name}", errors);
            else if (additional is not null)
                _owner.Compile(additional).Check(member.Value, $"{path}.{member.Name}", errors);
            else if (!_source.AllowAdditionalProperties)
                errors.Add($"{path}: member '{member.Name}' is not allowed");
        }
    }

    private void CheckArray(JsonElement e, string path, List<string> errors)
    {
        var n = e.GetArrayLength();
        if (_source.MinItems > 0 && n < _source.MinItems) errors.Add($"{path}: {n} items, at least {_source.MinItems} expected");
        if (_source.MaxItems > 0 && n > _source.MaxItems) errors.Add($"{path}: {n} items, at most {_source.MaxItems} expected");
        var item = _source.Item;
        var tuple = _source.Items;
        var i = 0;
        foreach (var x in e.EnumerateArray())
        {
            if (item is not null) _owner.Compile(item).Check(x, $"{path}[{i}]", errors);
            else if (tuple.Count > i) _owner.Compile(tuple.ElementAt(i)).Check(x, $"{path}[{i}]", errors);
            i++;
        }
    }

    private void CheckString(JsonElement e, string path, List<string> errors)
    {
        var s = e.GetString()!;
        if (_source.MinLength is { } min && s.Length < min) errors.Add($"{path}: string shorter than {min}");
        if (_source.MaxLength is { } max && s.Length > max) errors.Add($"{path}: string longer than {max}");
        if (!string.IsNullOrEmpty(_source.Pattern))
        {
            var re = _patterns.GetOrAdd(_source.Pattern, p => new System.Text.RegularExpressions.Regex(p, System.Text.RegularExpressions.RegexOptions.CultureInvariant));
            if (!re.IsMatch(s)) errors.Add($"{path}: {Short(e)} does not match /{_source.Pattern}/");
        }
    }

    private void CheckNumber(JsonElement e, string path, List<string> errors)
    {
        var d = e.GetDouble();
        if (_source.Minimum is { } min && (_source.IsExclusiveMinimum ? d <= (double)min : d < (double)min))
            errors.Add($"{path}: {d} is below the minimum {min}");
        if (_source.Maximum is { } max && (_source.IsExclusiveMaximum ? d >= (double)max : d > (double)max))
            errors.Add($"{path}: {d} is above the maximum {max}");
    }

    private static string Describe(JsonObjectType t) => t.ToString().ToLowerInvariant().Replace(", ", " or ", StringComparison.Ordinal);

    private static string Short(JsonElement e)
    {
        var text = e.GetRawText();
        return text.Length > 60 ? text[..57] + "..." : text;
    }
}
