using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace RapiConformance.Spec;

/// <summary>
/// One schema compiled for validation: every NJsonSchema lookup (references, properties, required lists,
/// enums as UTF-8, patterns as Regex) is done once here, so the hot path only reads fields.
/// </summary>
internal sealed class SchemaNode
{
    public JsonObjectType Type;
    /// <summary>nullable: true, a null type or null in the enum: null passes whatever else the schema says.</summary>
    public bool ExplicitNull;
    public JsonElement[]? Enum;
    public byte[][]? StringEnum;
    public string[]? EnumText;

    public PropertyNode[] Properties = [];
    public Dictionary<string, int>? PropertyIndex;
    public string[] RequiredWithoutProperty = [];
    public SchemaNode? AdditionalProperties;
    public bool AllowAdditionalProperties = true;

    public SchemaNode? Items;
    public SchemaNode[]? TupleItems;
    public int MinItems;
    public int MaxItems;
    public bool UniqueItems;

    public int? MinLength;
    public int? MaxLength;
    public Regex? Pattern;
    public string? PatternText;

    public double? Minimum;
    public double? Maximum;
    public bool ExclusiveMinimum;
    public bool ExclusiveMaximum;

    public SchemaNode[] AllOf = [];
    public SchemaNode[] AnyOf = [];
    public SchemaNode[] OneOf = [];
    public SchemaNode? Not;

    public bool HasComposition => AllOf.Length > 0 || AnyOf.Length > 0 || OneOf.Length > 0 || Not is not null;

    /// <summary>Compiles a schema graph; <paramref name="seen"/> makes recursive schemas terminate.</summary>
    public static SchemaNode Compile(JsonSchema schema, Dictionary<JsonSchema, SchemaNode> seen)
    {
        var s = schema.ActualSchema;
        if (seen.TryGetValue(s, out var existing)) return existing;
        var n = new SchemaNode();
        seen[s] = n;

        n.Type = s.Type;
        var enumValues = s.Enumeration.ToList();
        if (enumValues.Count > 0)
        {
            n.Enum = enumValues.Select(v => JsonSerializer.SerializeToElement(v)).ToArray();
            n.EnumText = n.Enum.Select(e => e.GetRawText()).ToArray();
            if (n.Enum.All(e => e.ValueKind == JsonValueKind.String))
                n.StringEnum = n.Enum.Select(e => Encoding.UTF8.GetBytes(e.GetString()!)).ToArray();
        }
        var enumAllowsNull = n.Enum?.Any(e => e.ValueKind == JsonValueKind.Null) ?? false;
        // OpenAPI 3.0: nullable adds null to the declared type. A schema with no type and no enum accepts
        // null unless its composition says otherwise (see ValidationRun.Check).
        n.ExplicitNull = s.IsNullableRaw == true || s.Type.HasFlag(JsonObjectType.Null) || enumAllowsNull;

        var required = new HashSet<string>(s.RequiredProperties, StringComparer.Ordinal);
        var props = new List<PropertyNode>();
        foreach (var (name, prop) in s.Properties)
        {
            if (prop.IsRequired) required.Add(name);
            props.Add(new PropertyNode(name, Encoding.UTF8.GetBytes(name), false, null!));
        }
        n.Properties = props.Select(p => p with { Required = required.Contains(p.Name) }).ToArray();
        n.PropertyIndex = n.Properties.Length > 8
            ? n.Properties.Select((p, i) => (p.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal)
            : null;
        n.RequiredWithoutProperty = required.Where(r => !s.Properties.ContainsKey(r)).ToArray();
        n.AllowAdditionalProperties = s.AllowAdditionalProperties;
        if (s.AdditionalPropertiesSchema is { } additional) n.AdditionalProperties = Compile(additional, seen);

        // Both may be present: the union of member types (items) and, from x-rapi-tuple, one schema per position.
        if (s.Item is { } item) n.Items = Compile(item, seen);
        if (s.Items.Count > 0) n.TupleItems = s.Items.Select(i => Compile(i, seen)).ToArray();
        n.MinItems = s.MinItems;
        n.MaxItems = s.MaxItems;
        n.UniqueItems = s.UniqueItems;

        n.MinLength = s.MinLength;
        n.MaxLength = s.MaxLength;
        if (!string.IsNullOrEmpty(s.Pattern))
        {
            n.PatternText = s.Pattern;
            n.Pattern = new Regex(s.Pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);
        }

        n.Minimum = s.Minimum is { } min ? (double)min : null;
        n.Maximum = s.Maximum is { } max ? (double)max : null;
        n.ExclusiveMinimum = s.IsExclusiveMinimum || s.ExclusiveMinimum is not null;
        n.ExclusiveMaximum = s.IsExclusiveMaximum || s.ExclusiveMaximum is not null;
        if (s.ExclusiveMinimum is { } xmin) n.Minimum = (double)xmin;
        if (s.ExclusiveMaximum is { } xmax) n.Maximum = (double)xmax;

        n.AllOf = s.AllOf.Select(x => Compile(x, seen)).ToArray();
        n.AnyOf = s.AnyOf.Select(x => Compile(x, seen)).ToArray();
        n.OneOf = s.OneOf.Select(x => Compile(x, seen)).ToArray();
        if (s.Not is { } not) n.Not = Compile(not, seen);

        // Properties last: their schemas may point back at this node.
        var i = 0;
        foreach (var (_, prop) in s.Properties)
        {
            n.Properties[i] = n.Properties[i] with { Schema = Compile(prop, seen) };
            i++;
        }
        return n;
    }

    public int FindProperty(string name)
    {
        if (PropertyIndex is not null) return PropertyIndex.TryGetValue(name, out var i) ? i : -1;
        for (var k = 0; k < Properties.Length; k++)
            if (string.Equals(Properties[k].Name, name, StringComparison.Ordinal)) return k;
        return -1;
    }
}

/// <summary>A member of an object schema, with its name pre-encoded for allocation-free comparison.</summary>
internal sealed record PropertyNode(string Name, byte[] Utf8Name, bool Required, SchemaNode Schema);
