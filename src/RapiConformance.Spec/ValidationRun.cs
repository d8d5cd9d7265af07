using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using NJsonSchema;

namespace RapiConformance.Spec;

/// <summary>
/// One walk of a JSON value against a compiled schema. In collect mode it gathers every error with its
/// path; in probe mode (used for anyOf/oneOf/not and IsValid) it stops at the first problem.
/// </summary>
internal sealed class ValidationRun(bool collect)
{
    // The current path as a stack of (member name | array index), turned into text only for errors.
    private readonly List<(string? Name, int Index)> _path = new(16);

    public List<string>? Errors { get; private set; }

    private bool Probe => !collect;

    public bool Check(SchemaNode n, JsonElement e)
    {
        var kind = e.ValueKind;
        if (kind == JsonValueKind.Null)
        {
            if (n.ExplicitNull) return true;
            if (n.Type != JsonObjectType.None) return Fail("null is not allowed");
            if (n.Enum is not null) return Fail("null is not one of the allowed values");
            return !n.HasComposition || CheckComposition(n, e);
        }

        if (n.Type != JsonObjectType.None && !TypeMatches(n.Type, e))
            return Fail($"expected {Describe(n.Type)}, got {Describe(e)}");

        if (n.Enum is not null && !InEnum(n, e))
            return Fail($"{Short(e)} is not one of [{string.Join(", ", n.EnumText!)}]");

        var ok = kind switch
        {
            JsonValueKind.Object => CheckObject(n, e),
            JsonValueKind.Array => CheckArray(n, e),
            JsonValueKind.String => CheckString(n, e),
            JsonValueKind.Number => CheckNumber(n, e),
            _ => true,
        };
        if (!ok && Probe) return false;
        if (n.HasComposition) ok &= CheckComposition(n, e);
        return ok;
    }

    private static bool InEnum(SchemaNode n, JsonElement e)
    {
        if (n.StringEnum is not null)
        {
            if (e.ValueKind != JsonValueKind.String) return false;
            foreach (var v in n.StringEnum)
                if (e.ValueEquals(v)) return true;
            return false;
        }
        foreach (var v in n.Enum!)
            if (EnumEquals(v, e)) return true;
        return false;
    }

    private static bool EnumEquals(JsonElement expected, JsonElement actual)
    {
        if (expected.ValueKind == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number)
            return expected.GetDouble() == actual.GetDouble() && IsInteger(expected) == IsInteger(actual);
        return JsonElement.DeepEquals(expected, actual);
    }

    private bool CheckComposition(SchemaNode n, JsonElement e)
    {
        var ok = true;
        foreach (var s in n.AllOf)
        {
            ok &= Check(s, e);
            if (!ok && Probe) return false;
        }
        if (n.AnyOf.Length > 0 && !PassesAny(n.AnyOf, e))
        {
            ok = false;
            if (Probe) return false;
            ReportBestAlternative(n.AnyOf, e, "anyOf");
        }
        if (n.OneOf.Length > 0)
        {
            var count = 0;
            foreach (var s in n.OneOf)
                if (Passes(s, e)) count++;
            if (count != 1)
            {
                ok = false;
                if (Probe) return false;
                if (count == 0) ReportBestAlternative(n.OneOf, e, "oneOf");
                else Fail($"{Short(e)} matches {count} of the oneOf alternatives (exactly one expected)");
            }
        }
        if (n.Not is not null && Passes(n.Not, e)) ok = Fail($"{Short(e)} matches a schema it must not match");
        return ok;
    }

    private ValidationRun? _probe;

    /// <summary>Probe runs keep the path balanced, so a probe can reuse itself; a collecting run keeps one.</summary>
    private bool Passes(SchemaNode s, JsonElement e) =>
        (Probe ? this : _probe ??= new ValidationRun(collect: false)).Check(s, e);

    private bool PassesAny(SchemaNode[] alternatives, JsonElement e)
    {
        foreach (var s in alternatives)
            if (Passes(s, e)) return true;
        return false;
    }

    private void ReportBestAlternative(SchemaNode[] alternatives, JsonElement e, string keyword)
    {
        // Only on failure: re-run every alternative with messages and report the closest one.
        List<string>? best = null;
        foreach (var s in alternatives)
        {
            var run = new ValidationRun(collect: true);
            run._path.AddRange(_path);
            run.Check(s, e);
            if (run.Errors is { } errs && (best is null || errs.Count < best.Count)) best = errs;
        }
        if (best is null || best.Count == 0) Fail($"{Short(e)} matches none of the {keyword} alternatives");
        else
        {
            Errors ??= [];
            Errors.Add($"{PathText()}: matches none of the {keyword} alternatives; the closest fails with:");
            Errors.AddRange(best.Select(x => "  " + x));
        }
    }

    private bool CheckObject(SchemaNode n, JsonElement e)
    {
        var ok = true;
        var props = n.Properties;
        Span<bool> seen = props.Length <= 128 ? stackalloc bool[props.Length] : new bool[props.Length];
        var cursor = 0;
        foreach (var member in e.EnumerateObject())
        {
            var index = Find(n, member, ref cursor);
            SchemaNode? target = index >= 0 ? props[index].Schema : n.AdditionalProperties;
            if (index >= 0) seen[index] = true;
            if (target is null)
            {
                if (n.AllowAdditionalProperties) continue;
                ok = Fail($"member '{member.Name}' is not allowed");
                if (Probe) return false;
                continue;
            }
            _path.Add((index >= 0 ? props[index].Name : member.Name, -1));
            var good = Check(target, member.Value);
            _path.RemoveAt(_path.Count - 1);
            if (!good)
            {
                ok = false;
                if (Probe) return false;
            }
        }
        for (var i = 0; i < props.Length; i++)
            if (props[i].Required && !seen[i])
            {
                ok = Fail($"required member '{props[i].Name}' is missing");
                if (Probe) return false;
            }
        foreach (var name in n.RequiredWithoutProperty)
            if (!e.TryGetProperty(name, out _))
            {
                ok = Fail($"required member '{name}' is missing");
                if (Probe) return false;
            }
        return ok;
    }

    /// <summary>Finds the schema member for a JSON member; members usually come in schema order, so the
    /// member after the last match is tried first. Compares raw UTF-8 names, no string per member.</summary>
    private static int Find(SchemaNode n, JsonProperty member, ref int cursor)
    {
        var props = n.Properties;
        if (props.Length == 0) return -1;
        var raw = JsonMarshal.GetRawUtf8PropertyName(member);
        if (raw.IndexOf((byte)'\\') >= 0) return n.FindProperty(member.Name);
        for (var k = 0; k < props.Length; k++)
        {
            var i = (cursor + k) % props.Length;
            if (raw.SequenceEqual(props[i].Utf8Name))
            {
                cursor = i + 1;
                return i;
            }
        }
        return -1;
    }

    private bool CheckArray(SchemaNode n, JsonElement e)
    {
        var ok = true;
        var count = e.GetArrayLength();
        if (n.MinItems > 0 && count < n.MinItems) ok = Fail($"{count} items, at least {n.MinItems} expected");
        if (n.MaxItems > 0 && count > n.MaxItems) ok = Fail($"{count} items, at most {n.MaxItems} expected");
        if (!ok && Probe) return false;
        var i = 0;
        foreach (var x in e.EnumerateArray())
        {
            var positional = n.TupleItems is { } t && i < t.Length ? t[i] : null;
            if (n.Items is not null || positional is not null)
            {
                _path.Add((null, i));
                var good = (n.Items is null || Check(n.Items, x)) && (positional is null || Check(positional, x));
                _path.RemoveAt(_path.Count - 1);
                if (!good)
                {
                    ok = false;
                    if (Probe) return false;
                }
            }
            i++;
        }
        if (n.UniqueItems && count > 1)
        {
            var items = e.EnumerateArray().ToList();
            for (var a = 0; a < items.Count; a++)
                for (var b = a + 1; b < items.Count; b++)
                    if (JsonElement.DeepEquals(items[a], items[b]))
                        return Fail($"items {a} and {b} are equal (unique items expected)");
        }
        return ok;
    }

    private bool CheckString(SchemaNode n, JsonElement e)
    {
        if (n.MinLength is null && n.MaxLength is null && n.Pattern is null) return true;
        var s = e.GetString()!;
        var ok = true;
        if (n.MinLength is { } min && s.Length < min) ok = Fail($"string shorter than {min}");
        if (n.MaxLength is { } max && s.Length > max) ok = Fail($"string longer than {max}");
        if (n.Pattern is not null && !n.Pattern.IsMatch(s)) ok = Fail($"{Short(e)} does not match /{n.PatternText}/");
        return ok;
    }

    private bool CheckNumber(SchemaNode n, JsonElement e)
    {
        if (n.Minimum is null && n.Maximum is null) return true;
        var d = e.GetDouble();
        var ok = true;
        if (n.Minimum is { } min && (n.ExclusiveMinimum ? d <= min : d < min)) ok = Fail($"{Short(e)} is below the minimum {min}");
        if (n.Maximum is { } max && (n.ExclusiveMaximum ? d >= max : d > max)) ok = Fail($"{Short(e)} is above the maximum {max}");
        return ok;
    }

    private static bool TypeMatches(JsonObjectType t, JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => t.HasFlag(JsonObjectType.Object),
        JsonValueKind.Array => t.HasFlag(JsonObjectType.Array),
        JsonValueKind.String => t.HasFlag(JsonObjectType.String),
        JsonValueKind.True or JsonValueKind.False => t.HasFlag(JsonObjectType.Boolean),
        JsonValueKind.Number => t.HasFlag(JsonObjectType.Number) || t.HasFlag(JsonObjectType.Integer) && IsInteger(e),
        _ => false,
    };

    /// <summary>An integer is a number written without fraction or exponent (1.0 is a number, not an integer).</summary>
    private static bool IsInteger(JsonElement e)
    {
        if (e.TryGetInt64(out _)) return true;
        var raw = JsonMarshal.GetRawUtf8Value(e);
        return raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;
    }

    private bool Fail(string message)
    {
        if (Probe) return false;
        Errors ??= [];
        Errors.Add($"{PathText()}: {message}");
        return false;
    }

    private string PathText()
    {
        var sb = new StringBuilder("$");
        foreach (var (name, index) in _path)
            if (name is null) sb.Append('[').Append(index).Append(']');
            else sb.Append('.').Append(name);
        return sb.ToString();
    }

    private static string Describe(JsonObjectType t) =>
        t.ToString().ToLowerInvariant().Replace(", ", " or ", StringComparison.Ordinal);

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => IsInteger(e) ? "integer" : "number",
        _ => e.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Short(JsonElement e)
    {
        var text = e.GetRawText();
        return text.Length > 60 ? text[..57] + "..." : text;
    }
}
