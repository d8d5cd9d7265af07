using System.Globalization;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using NJsonSchema;
using RapiConformance.Spec;

namespace RapiConformance.Generation.Schemas;

/// <summary>
/// Derives FsCheck generators of JSON values from the spec's NJsonSchema objects: types, enums,
/// ranges, lengths, patterns and formats, arrays, nested objects with required and optional members,
/// oneOf/anyOf/allOf. Nothing here knows an operation; every shape comes from the schema.
/// </summary>
public sealed class SchemaGen
{
    private const int MaxDepth = 6;
    private readonly SchemaValidator _validator;
    private readonly TupleSchemas _tuples = new();
    private readonly Dictionary<(JsonSchema, int), Gen<JsonNode?>> _cache = new(ReferenceTupleComparer.Instance);

    private readonly Rules.MapMemberRules _maps;

    public SchemaGen(SchemaValidator? validator = null, Rules.MapMemberRules? maps = null)
    {
        _validator = validator ?? SchemaValidator.Shared;
        _maps = maps ?? Rules.MapMemberRules.None;
    }

    /// <summary>A generator of JSON values meant to validate against <paramref name="schema"/>.</summary>
    public Gen<JsonNode?> For(JsonSchema schema) => For(schema.ActualSchema, 0);

    private Gen<JsonNode?> For(JsonSchema schema, int depth)
    {
        schema = schema.ActualSchema;
        if (_cache.TryGetValue((schema, depth), out var cached)) return cached;
        var gen = Build(schema, depth);
        _cache[(schema, depth)] = gen;
        return gen;
    }

    private Gen<JsonNode?> Build(JsonSchema s, int depth)
    {
        Gen<JsonNode?> gen;
        if (s.Enumeration.Count > 0)
        {
            var raws = s.Enumeration.Select(v => System.Text.Json.JsonSerializer.Serialize(v)).ToArray();
            gen = Gen.Elements(raws).Select(raw => JsonNode.Parse(raw));
        }
        else if ((s.OneOf.Count > 0 || s.AnyOf.Count > 0) && !(InferredType(s) == JsonObjectType.Object && !MemberConstraints.Of(s).IsEmpty))
        {
            var alternatives = s.OneOf.Concat(s.AnyOf).Select(a => For(a, depth + 1)).ToArray();
            gen = RetryUntilValid(Gen.OneOf(alternatives), s, 8);
        }
        else if (s.AllOf.Count > 0 && InferredType(s) == JsonObjectType.Object)
        {
            // Object with constraint-only parts (aliases, "not both"): the object generator honours them.
            gen = RetryUntilValid(ForType(s, depth), s, 10);
        }
        else if (s.AllOf.Count > 0)
        {
            // Other allOf: generate from the most specific part and keep what validates against all of them.
            var best = s.AllOf.Select(a => a.ActualSchema).OrderByDescending(a => InferredType(a) != JsonObjectType.None).First();
            gen = RetryUntilValid(For(best, depth + 1), s, 10);
        }
        else gen = ForType(s, depth);

        if (IsNullable(s)) gen = Gen.Frequency((1, Gen.Constant<JsonNode?>(null)), (12, gen));
        return gen;
    }

    public static bool IsNullable(JsonSchema s) => s.IsNullableRaw == true || s.Type.HasFlag(JsonObjectType.Null);

    private Gen<JsonNode?> ForType(JsonSchema s, int depth)
    {
        var types = new List<Gen<JsonNode?>>();
        var t = InferredType(s);
        if (t.HasFlag(JsonObjectType.Object)) types.Add(ObjectGen(s, depth));
        if (t.HasFlag(JsonObjectType.Array)) types.Add(ArrayGen(s, depth));
        if (t.HasFlag(JsonObjectType.String)) types.Add(StringGen(s));
        if (t.HasFlag(JsonObjectType.Integer)) types.Add(IntegerGen(s));
        else if (t.HasFlag(JsonObjectType.Number)) types.Add(NumberGen(s));
        if (t.HasFlag(JsonObjectType.Boolean)) types.Add(Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b)));
        if (types.Count == 0)
        {
            // An unconstrained value ("any"): small scalars and an empty object.
            types.Add(Gen.OneOf(
                Gen.Choose(0, 100).Select(i => (JsonNode?)JsonValue.Create(i)),
                StringGen(s),
                Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b))));
        }
        return types.Count == 1 ? types[0] : Gen.OneOf(types);
    }

    private Gen<JsonNode?> ObjectGen(JsonSchema s, int depth)
    {
        var props = s.ActualProperties;
        var required = new HashSet<string>(s.RequiredProperties, StringComparer.Ordinal);
        foreach (var (name, p) in props) if (p.IsRequired) required.Add(name);
        var members = new List<Gen<KeyValuePair<string, JsonNode?>?>>();
        foreach (var (name, p) in props)
        {
            var isRequired = required.Contains(name);
            if (!isRequired && depth >= MaxDepth) continue;
            var valueGen = For(_maps.Refine(name, p) ?? p, depth + 1).Select(v => (KeyValuePair<string, JsonNode?>?)new KeyValuePair<string, JsonNode?>(name, v));
            members.Add(isRequired
                ? valueGen
                : Gen.Frequency((1, Gen.Constant<KeyValuePair<string, JsonNode?>?>(null)), (1, valueGen)));
        }
        // Required names without a property schema still have to be present.
        foreach (var name in required.Where(r => !props.ContainsKey(r)))
            members.Add(Gen.Choose(0, 9).Select(i => (KeyValuePair<string, JsonNode?>?)new KeyValuePair<string, JsonNode?>(name, JsonValue.Create(i))));

        Gen<List<KeyValuePair<string, JsonNode?>>> extras = Gen.Constant(new List<KeyValuePair<string, JsonNode?>>());
        if (s.AdditionalPropertiesSchema is { } additional && depth < MaxDepth)
        {
            var extraValue = For(additional, depth + 1);
            var keyGen = RegexStringGen.For("[a-z][a-z0-9_]{0,8}");
            extras = Gen.Choose(0, 2).SelectMany(n => Gen.ListOf(Gen.Zip(keyGen, extraValue), n))
                .Select(pairs => pairs.Where(kv => !props.ContainsKey(kv.Item1))
                    .Select(kv => new KeyValuePair<string, JsonNode?>(kv.Item1, kv.Item2)).ToList());
        }

        var constraints = MemberConstraints.Of(s);
        var constrained = constraints.OneOfRequired.SelectMany(g => g.SelectMany(a => a)).Distinct().ToList();
        var choices = Gen.CollectToList(constraints.OneOfRequired.Select(g => Gen.Choose(0, g.Count - 1)));
        var forced = Gen.CollectToList(constrained.Select(name => props.TryGetValue(name, out var p)
            ? For(p, depth + 1) : Gen.Choose(0, 9).Select(i => (JsonNode?)JsonValue.Create(i))));
        return Gen.Zip(Gen.Zip(Gen.CollectToList(members), extras), Gen.Zip(choices, forced), (mx, cf) =>
        {
            var (ms, xs) = mx;
            var (chosen, forcedValues) = cf;
            var o = new JsonObject();
            foreach (var kv in ms) if (kv is { } m) o[m.Key] = m.Value;
            foreach (var kv in xs) if (!o.ContainsKey(kv.Key)) o[kv.Key] = kv.Value;
            for (var g = 0; g < constraints.OneOfRequired.Count; g++)
            {
                var alternatives = constraints.OneOfRequired[g];
                var keep = alternatives[chosen[g]];
                foreach (var other in alternatives.Where((_, i) => i != chosen[g]))
                    foreach (var name in other.Where(n => !keep.Contains(n) && !required.Contains(n))) o.Remove(name);
                foreach (var name in keep.Where(n => !o.ContainsKey(n))) o[name] = forcedValues[constrained.IndexOf(name)]?.DeepClone();
            }
            foreach (var together in constraints.NotTogether)
                if (together.All(o.ContainsKey) && together.LastOrDefault(n => !required.Contains(n)) is { } drop) o.Remove(drop);
            return (JsonNode?)o;
        });
    }

    /// <summary>The schema's type, or the one its keywords imply when it names none (items → array, properties → object, ...).</summary>
    public static JsonObjectType InferredType(JsonSchema s)
    {
        if (s.Type != JsonObjectType.None) return s.Type;
        if (s.ActualProperties.Count > 0 || s.AdditionalPropertiesSchema is not null || s.RequiredProperties.Count > 0) return JsonObjectType.Object;
        if (s.Item is not null || s.Items.Count > 0 || s.MinItems > 0 || s.MaxItems > 0) return JsonObjectType.Array;
        if (!string.IsNullOrEmpty(s.Pattern) || s.MinLength is not null || s.MaxLength is not null || !string.IsNullOrEmpty(s.Format)) return JsonObjectType.String;
        if (s.Minimum is not null || s.Maximum is not null) return JsonObjectType.Number;
        return JsonObjectType.None;
    }

    private Gen<JsonNode?> ArrayGen(JsonSchema s, int depth)
    {
        var tuple = _tuples.For(s);
        if (tuple.Count > 0)
        {
            var positions = tuple.Select(t => For(t, depth + 1)).ToList();
            return RetryUntilValid(Gen.CollectToList(positions).Select(xs => (JsonNode?)new JsonArray(xs.ToArray())), s, 6);
        }
        var min = s.MinItems;
        var max = s.MaxItems > 0 ? s.MaxItems : min + (depth >= MaxDepth ? 0 : 3);
        if (s.Items.Count > 0)
        {
            // Tuple form: one generator per position.
            var positions = s.Items.Select(i => For(i, depth + 1)).ToList();
            return Gen.CollectToList(positions).Select(xs => (JsonNode?)new JsonArray(xs.ToArray()));
        }
        var item = s.Item is null ? Gen.Choose(0, 9).Select(i => (JsonNode?)JsonValue.Create(i)) : For(s.Item, depth + 1);
        return Gen.Choose(min, Math.Max(min, max)).SelectMany(n => Gen.ListOf(item, n))
            .Select(xs => (JsonNode?)new JsonArray(xs.ToArray()));
    }

    private Gen<JsonNode?> StringGen(JsonSchema s)
    {
        var min = s.MinLength ?? 0;
        var max = s.MaxLength ?? Math.Max(min, 12);
        Gen<string> text;
        if (!string.IsNullOrEmpty(s.Pattern)) text = RegexStringGen.For(s.Pattern);
        else if (FormatGens.For(s.Format) is { } formatted) text = formatted;
        else text = Gen.Choose(Math.Max(min, 1), Math.Max(Math.Max(min, 1), Math.Min(max, min + 12)))
            .SelectMany(n => Gen.ArrayOf(TextChars.Plain, n)).Select(cs => new string(cs));
        var fitted = text.Select(x => Fit(x, min, max));
        if (!string.IsNullOrEmpty(s.Pattern)) fitted = RetryUntilMatches(fitted, s, 12);
        return fitted.Select(x => (JsonNode?)JsonValue.Create(x));
    }

    private static string Fit(string x, int min, int max)
    {
        if (x.Length > max) x = x[..max];
        while (x.Length < min) x += "a";
        return x;
    }

    private static Gen<JsonNode?> IntegerGen(JsonSchema s)
    {
        var (lo, hi) = Bounds(s, integer: true);
        var loI = (long)lo;
        var hiI = (long)hi;
        var span = hiI - loI;
        Gen<long> small = Gen.Choose(0, (int)Math.Min(span, 64)).Select(d => loI + d);
        Gen<long> anywhere = Gen.Choose(0, int.MaxValue).Select(r => loI + (long)(r / (double)int.MaxValue * span));
        var gen = Gen.Frequency((4, small), (1, Gen.Constant(loI)), (1, Gen.Constant(hiI)), (2, anywhere));
        if (s.MultipleOf is { } m && m >= 1) gen = gen.Select(v => v - (v % (long)m));
        return gen.Select(v => (JsonNode?)JsonValue.Create(v));
    }

    private static Gen<JsonNode?> NumberGen(JsonSchema s)
    {
        var (lo, hi) = Bounds(s, integer: false);
        return Gen.Choose(0, 1000).Select(r => (JsonNode?)JsonValue.Create(Math.Round(lo + (hi - lo) * r / 1000.0, 3)));
    }

    /// <summary>The closed range a number of this schema may take (exclusive bounds stepped inside).</summary>
    public static (double Lo, double Hi) Bounds(JsonSchema s, bool integer)
    {
        var step = integer ? 1.0 : 0.001;
        double lo = s.Minimum is { } mn ? (double)mn + (s.IsExclusiveMinimum ? step : 0) : (s.Maximum is { } mx0 ? Math.Min(0, (double)mx0 - 1000) : 0);
        double hi = s.Maximum is { } mx ? (double)mx - (s.IsExclusiveMaximum ? step : 0) : lo + 100_000;
        if (s.ExclusiveMinimum is { } emin) lo = Math.Max(lo, (double)emin + step);
        if (s.ExclusiveMaximum is { } emax) hi = Math.Min(hi, (double)emax - step);
        if (integer) { lo = Math.Ceiling(lo); hi = Math.Floor(hi); }
        return (lo, Math.Max(lo, hi));
    }

    private Gen<JsonNode?> RetryUntilValid(Gen<JsonNode?> gen, JsonSchema schema, int tries) =>
        gen.SelectMany(v => tries <= 1 || IsValid(schema, v) ? Gen.Constant(v) : RetryUntilValid(gen, schema, tries - 1));

    private static Gen<string> RetryUntilMatches(Gen<string> gen, JsonSchema s, int tries)
    {
        var re = new System.Text.RegularExpressions.Regex(s.Pattern!, System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        Gen<string> Loop(int n) => gen.SelectMany(x => n <= 1 || re.IsMatch(x) ? Gen.Constant(x) : Loop(n - 1));
        return Loop(tries);
    }

    public bool IsValid(JsonSchema schema, JsonNode? value) =>
        _validator.Validate(schema, value?.ToJsonString() ?? "null").Count == 0;

    private static JsonNode? MergeObjects(List<JsonNode?> parts)
    {
        var merged = new JsonObject();
        foreach (var p in parts)
            if (p is JsonObject o)
                foreach (var (k, v) in o.ToList()) { o.Remove(k); merged[k] = v; }
        return merged;
    }

    internal static string Invariant(double d) => d.ToString(CultureInfo.InvariantCulture);
}
