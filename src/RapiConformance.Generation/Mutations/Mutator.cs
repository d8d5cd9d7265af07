using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using NJsonSchema;
using RapiConformance.Generation.Requests;
using RapiConformance.Generation.Rules;
using RapiConformance.Generation.Schemas;
using RapiConformance.Spec;

namespace RapiConformance.Generation.Mutations;

/// <summary>
/// Turns a valid request into a negative one by exactly one change: in the body (wrong type, missing
/// required member, unknown member, out of enum or range, pattern violation, oversized string, control
/// or non-ASCII characters, "True"/"False" for a boolean), in the transport (malformed JSON, wrong
/// Content-Type), in the query (RAPI bool as text, missing required, out of enum) or in the path (odd
/// names). After a body or query mutation the value is validated again: only when the spec says it is
/// invalid is the case expected to be refused; otherwise it is only checked for robustness.
/// </summary>
public sealed class Mutator(BodyRules rules)
{
    private readonly BodyWalker _walker = rules.Walker;

    private static readonly string[] OddNames =
    [
        "..%2f..%2fetc%2fpasswd", "a%20b", "%00x", "x%2Fy", "%c3%a9t%c3%a9", "...", "a..b", "x;y", "x'y", "%27%22", "~x", "é中",
        "%ff%fe", "a+b", "-", "_", "%25",
    ];

    private static readonly string[] MalformedBodies = ["{", "{\"a\":", "[1,]", "{'a': 1}", "nul", "\"unterminated", "{\"a\":1}}", "\u0000"];

    /// <summary>The spec's x-rapi-body value for handlers that read nothing from the body.</summary>
    public const string IgnoredBody = "ignored";

    private static readonly string?[] WrongContentTypes = ["text/plain", "application/json; charset=utf-8", null, "application/x-www-form-urlencoded", "application/xml", "APPLICATION/JSONX"];

    /// <summary>All single mutations that apply to <paramref name="request"/>; empty when none does.</summary>
    public IReadOnlyList<Gen<FuzzRequest>> Candidates(OperationSpec op, FuzzRequest request) =>
        KindedCandidates(op, request).Select(c => c.Gen).ToList();

    /// <summary>
    /// One mutation of <paramref name="request"/>: first a kind (each applicable kind equally likely, so a
    /// rare kind such as out-of-range is not drowned by the many string locations), then a location.
    /// </summary>
    public Gen<FuzzRequest> Mutate(OperationSpec op, FuzzRequest request)
    {
        var byKind = KindedCandidates(op, request).GroupBy(c => c.Kind).Select(g => Gen.OneOf(g.Select(c => c.Gen))).ToList();
        return byKind.Count == 0 ? Gen.Constant(request) : Gen.OneOf(byKind);
    }

    private List<(MutationKind Kind, Gen<FuzzRequest> Gen)> KindedCandidates(OperationSpec op, FuzzRequest request)
    {
        var list = new List<(MutationKind Kind, Gen<FuzzRequest> Gen)>();
        if (op.RequestBody is { } schema && request.HasBody)
        {
            var schemaMutations = _walker.Walk(request.Body, schema).SelectMany(location => BodyMutations(schema, request, location))
                .Concat(AbsentMemberMutations(schema, request));
            // A handler that ignores its body (x-rapi-body: ignored, e.g. startup, activate-disks) never sees a
            // schema violation in it, so such a body is a robustness case there; it must still be JSON.
            if (op.BodyUsage == IgnoredBody)
                schemaMutations = schemaMutations.Select(c => (c.Item1, c.Item2.Select(r => r with { Expect = r.Expect == Expectation.Refuse ? Expectation.Robust : r.Expect })));
            list.AddRange(schemaMutations);
            list.Add((MutationKind.MalformedJson, Gen.Elements(MalformedBodies).Select(raw => request with
            {
                RawBody = raw, ContentType = RequestGen.JsonContentType, Expect = Expectation.Refuse,
                Mutation = new Mutation(MutationKind.MalformedJson, "body", $"body is not JSON: {Show(raw)}"),
            })));
            list.Add((MutationKind.WrongContentType, Gen.Elements(WrongContentTypes).Select(ct => request with
            {
                ContentType = ct, Expect = Expectation.Refuse,
                Mutation = new Mutation(MutationKind.WrongContentType, "header:Content-Type", ct is null ? "no Content-Type" : $"Content-Type '{ct}'"),
            })));
        }
        foreach (var p in op.QueryParameters) list.AddRange(QueryMutations(p, request));
        foreach (var p in op.PathParameters.Where(p => p.Schema.Enumeration.Count == 0))
        {
            // Never the value the path already has (an unknown-entity name may itself be "-" or "_"): the
            // mutation must change something.
            var current = request.PathValues.GetValueOrDefault(p.Name);
            var odd = OddNames.Where(n => n != current).ToArray();
            list.Add((MutationKind.OddPathName, Gen.Elements(odd).Select(o => OddPath(p, request, o))));
        }
        return list;
    }

    private IEnumerable<(MutationKind, Gen<FuzzRequest>)> BodyMutations(JsonSchema root, FuzzRequest request, BodyLocation at)
    {
        var s = at.Schema;
        FuzzRequest With(MutationKind kind, string detail, Func<JsonNode?, JsonNode?> replace, bool remove = false, IReadOnlyList<object>? path = null)
        {
            path ??= at.Path;
            var body = BodyWalker.Edit(request.Body, path, replace, remove);
            var valid = rules.IsValid(root, body);
            var location = new BodyLocation(path, null, s, false).Display;
            return request with
            {
                Body = body, Expect = valid ? Expectation.Robust : Expectation.Refuse,
                Mutation = new Mutation(kind, location, detail) { BodyPath = path },
            };
        }

        // Ganeti treats null as "not given" (a null body is no body; a null opcode parameter takes its
        // default), so null is a wrong type only for a required member.
        if (WrongTypeValues(s).Where(v => v != "null" || at.Path.Count > 0 && at.Required).ToList() is { Count: > 0 } wrong)
            yield return (MutationKind.WrongType, Gen.Elements(wrong.ToArray()).Select(raw => With(MutationKind.WrongType, $"a {Kind(raw)} where the spec wants {Describe(s)}", _ => JsonNode.Parse(raw))));

        if (s.Enumeration.Count > 0)
        {
            var isString = s.Enumeration.All(v => v is string);
            yield return (MutationKind.OutOfEnum, Gen.Fresh(() => With(MutationKind.OutOfEnum, "a value outside the enum",
                _ => isString ? JsonValue.Create("not-in-enum-" + s.Enumeration.Count) : JsonValue.Create(987_654_321))));
        }

        if (s.Type.HasFlag(JsonObjectType.Integer) || s.Type.HasFlag(JsonObjectType.Number))
        {
            var (lo, hi) = SchemaGen.Bounds(s, s.Type.HasFlag(JsonObjectType.Integer));
            if (s.Minimum is not null || s.ExclusiveMinimum is not null)
                yield return (MutationKind.OutOfRange, Gen.Elements(lo - 1, Math.Min(lo - 1, -1), -2_147_483_648.0).Select(v =>
                    With(MutationKind.OutOfRange, $"{v} below the minimum {lo}", _ => JsonValue.Create((long)v))));
            if (s.Maximum is not null || s.ExclusiveMaximum is not null)
                yield return (MutationKind.OutOfRange, Gen.Elements(hi + 1, hi + 1_000_000).Select(v =>
                    With(MutationKind.OutOfRange, $"{v} above the maximum {hi}", _ => JsonValue.Create((long)v))));
        }

        if (at.Value is JsonValue sv && sv.TryGetValue<string>(out var text))
        {
            if (!string.IsNullOrEmpty(s.Pattern))
            {
                var re = new Regex(s.Pattern, RegexOptions.CultureInvariant);
                var bad = new[] { text + " /!", "", "\u0000" + text, text + "\n" + text, "%" }.Where(x => !re.IsMatch(x)).ToArray();
                if (bad.Length > 0)
                    yield return (MutationKind.PatternViolation, Gen.Elements(bad).Select(b => With(MutationKind.PatternViolation, $"{Show(b)} does not match /{s.Pattern}/", _ => JsonValue.Create(b))));
            }
            var longer = s.MaxLength is { } max ? max + 1 : 70_000;
            yield return (MutationKind.OversizedString, Gen.Fresh(() => With(MutationKind.OversizedString, $"a string of {longer} characters", _ => JsonValue.Create(new string('x', longer)))));
            yield return (MutationKind.ControlCharacters, Gen.Elements("\u0000", "\u001b[31m", "\r\n", "\t", "\u007f").Select(c =>
                With(MutationKind.ControlCharacters, $"control characters {Show(c)} in a string", _ => JsonValue.Create(text + c + text))));
            yield return (MutationKind.NonAsciiCharacters, Gen.Elements("é", "中文", "\u202e", "\ud83d\ude00", "Ω≈").Select(c =>
                With(MutationKind.NonAsciiCharacters, $"non-ASCII {Show(c)} in a string", _ => JsonValue.Create(text + c))));
        }

        if (s.Type.HasFlag(JsonObjectType.Boolean) && !s.Type.HasFlag(JsonObjectType.String))
            yield return (MutationKind.TrueFalseForBool, Gen.Elements("True", "False", "true", "yes").Select(t =>
                With(MutationKind.TrueFalseForBool, $"\"{t}\" where a boolean is expected", _ => JsonValue.Create(t))));

        if (at.Value is JsonObject obj)
        {
            var required = BodyWalker.RequiredNames(s).Where(obj.ContainsKey).ToArray();
            if (required.Length > 0)
                yield return (MutationKind.MissingRequired, Gen.Elements(required).Select(name => With(MutationKind.MissingRequired, $"required member '{name}' removed",
                    _ => null, remove: true, path: at.Path.Append(name).ToArray())));
            if (!s.AllowAdditionalProperties && s.AdditionalPropertiesSchema is null)
                yield return (MutationKind.UnknownMember, Gen.Elements("fuzz_unknown_member", "instance_uuid_x", "Name", "__proto__").Where(n => !obj.ContainsKey(n)).Select(name =>
                    With(MutationKind.UnknownMember, $"unknown member '{name}' added", v =>
                    {
                        var o = (JsonObject)v!;
                        o[name] = 1;
                        return o;
                    })));
        }
    }

    private IEnumerable<(MutationKind, Gen<FuzzRequest>)> AbsentMemberMutations(JsonSchema root, FuzzRequest request)
    {
        foreach (var (path, s) in AbsentMemberTargets.Find(request.Body, root, rules.Maps))
        {
            FuzzRequest Place(MutationKind kind, string detail, JsonNode? value)
            {
                var body = AbsentMemberTargets.Place(request.Body!, path, value);
                var location = new BodyLocation(path, null, s, false).Display;
                return request with
                {
                    Body = body, Expect = rules.IsValid(root, body) ? Expectation.Robust : Expectation.Refuse,
                    Mutation = new Mutation(kind, location, detail + " (member added)") { BodyPath = path },
                };
            }

            var t = SchemaGen.InferredType(s);
            if (t.HasFlag(JsonObjectType.Integer) || t.HasFlag(JsonObjectType.Number))
            {
                var (lo, hi) = SchemaGen.Bounds(s, t.HasFlag(JsonObjectType.Integer));
                if (s.Minimum is not null || s.ExclusiveMinimum is not null)
                    yield return (MutationKind.OutOfRange, Gen.Elements(lo - 1, Math.Min(lo - 1, -1)).Select(v =>
                        Place(MutationKind.OutOfRange, $"{v} below the minimum {lo}", JsonValue.Create((long)v))));
                if (s.Maximum is not null || s.ExclusiveMaximum is not null)
                    yield return (MutationKind.OutOfRange, Gen.Fresh(() => Place(MutationKind.OutOfRange, $"{hi + 1} above the maximum {hi}", JsonValue.Create((long)(hi + 1)))));
            }
            if (s.Enumeration.Count > 0)
                yield return (MutationKind.OutOfEnum, Gen.Fresh(() => Place(MutationKind.OutOfEnum, "a value outside the enum",
                    s.Enumeration.All(v => v is string) ? JsonValue.Create("not-in-enum") : JsonValue.Create(987_654_321))));
            if (t == JsonObjectType.Boolean)
                yield return (MutationKind.TrueFalseForBool, Gen.Elements("True", "False").Select(v => Place(MutationKind.TrueFalseForBool, $"\"{v}\" where a boolean is expected", JsonValue.Create(v))));
            if (WrongTypeValues(s).Where(v => v != "null").ToList() is { Count: > 0 } wrong)
                yield return (MutationKind.WrongType, Gen.Elements(wrong.ToArray()).Select(raw => Place(MutationKind.WrongType, $"a {Kind(raw)} where the spec wants {Describe(s)}", JsonNode.Parse(raw))));
        }
    }

    private IEnumerable<(MutationKind, Gen<FuzzRequest>)> QueryMutations(ParameterSpec p, FuzzRequest request)
    {
        var others = request.Query.Where(kv => kv.Key != p.Name).ToList();
        FuzzRequest Set(MutationKind kind, string detail, string? value, Expectation expect)
        {
            var query = value is null ? others : others.Append(new KeyValuePair<string, string>(p.Name, value)).ToList();
            return request with { Query = query, Expect = expect, Mutation = new Mutation(kind, "query:" + p.Name, detail) };
        }

        // Some handlers read legacy query arguments only when there is no body (replace-disks, reinstall,
        // node migrate): with a body, a bad non-bool query value is only checked for robustness.
        var invalidQuery = request.HasBody ? Expectation.Robust : Expectation.Refuse;
        if (p.IsRapiBool)
            yield return (MutationKind.TrueFalseForBool, Gen.Elements("True", "False", "true", "yes").Select(v =>
                Set(MutationKind.TrueFalseForBool, $"{p.Name}={v} where 0/1 is expected", v, Expectation.Refuse)));
        else if (p.Schema.Enumeration.Count > 0)
            yield return (MutationKind.OutOfEnum, Gen.Fresh(() => Set(MutationKind.OutOfEnum, $"{p.Name} outside its enum", "not-in-enum", invalidQuery)));
        else if (p.Schema.Type.HasFlag(JsonObjectType.Integer) && !p.Schema.Type.HasFlag(JsonObjectType.String))
            yield return (MutationKind.WrongType, Gen.Fresh(() => Set(MutationKind.WrongType, $"{p.Name}=abc where an integer is expected", "abc", invalidQuery)));
        if (p.Required)
            yield return (MutationKind.MissingQuery, Gen.Fresh(() => Set(MutationKind.MissingQuery, $"required query parameter {p.Name} left out", null, Expectation.Refuse)));
        if (p.Schema.Type.HasFlag(JsonObjectType.String) && p.Schema.Enumeration.Count == 0)
            yield return (MutationKind.ControlCharacters, Gen.Elements("\u0000", "é中", "\u001b", new string('q', 1000)).Select(v =>
                Set(MutationKind.ControlCharacters, $"{p.Name} with odd characters", v, Expectation.Robust)));
    }

    private static FuzzRequest OddPath(ParameterSpec p, FuzzRequest request, string odd)
    {
        var values = request.PathValues.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        values[p.Name] = odd;
        // A value that still matches the parameter's pattern is just an entity that does not exist.
        var matches = string.IsNullOrEmpty(p.Schema.Pattern) || Regex.IsMatch(Uri.UnescapeDataString(odd), p.Schema.Pattern, RegexOptions.CultureInvariant);
        return request with
        {
            PathValues = values, Expect = matches ? Expectation.Robust : Expectation.Refuse,
            Mutation = new Mutation(MutationKind.OddPathName, "path:" + p.Name, $"{p.Name} = {Show(odd)}"),
        };
    }

    private static IEnumerable<string> WrongTypeValues(JsonSchema s)
    {
        var t = s.Type;
        if (t == JsonObjectType.None && s.Enumeration.Count == 0) yield break;
        if (s.Enumeration.Count > 0 && t == JsonObjectType.None) t = s.Enumeration.All(v => v is string) ? JsonObjectType.String : JsonObjectType.None;
        if (t == JsonObjectType.None) yield break;
        if (!t.HasFlag(JsonObjectType.String)) yield return "\"fuzz\"";
        if (!t.HasFlag(JsonObjectType.Integer) && !t.HasFlag(JsonObjectType.Number)) yield return "7";
        if (t.HasFlag(JsonObjectType.Integer) && !t.HasFlag(JsonObjectType.Number)) yield return "1.5";
        if (!t.HasFlag(JsonObjectType.Boolean)) yield return "true";
        if (!t.HasFlag(JsonObjectType.Array)) yield return "[]";
        if (!t.HasFlag(JsonObjectType.Object)) yield return "{}";
        if (!SchemaGen.IsNullable(s)) yield return "null";
    }

    private static string Kind(string raw) => raw switch
    {
        "null" => "null",
        "true" => "boolean",
        "[]" => "array",
        "{}" => "object",
        "1.5" => "fraction",
        _ when raw.StartsWith('"') => "string",
        _ => "number",
    };

    private static string Describe(JsonSchema s) => s.Type == JsonObjectType.None ? "an enum value" : s.Type.ToString().ToLowerInvariant();

    private static string Show(string s)
    {
        var escaped = System.Text.Json.JsonSerializer.Serialize(s.Length > 40 ? s[..40] + "..." : s);
        return escaped;
    }
}
