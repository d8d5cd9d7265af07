using System.Text.Json;
using NJsonSchema;

namespace RapiConformance.Spec.Tests;

/// <summary>
/// Request bodies agree with opcodes-3.0.json: every opcode parameter a handler accepts from the body is a
/// member of the body schema with a compatible JSON type and the same required/optional status; statics,
/// forbidden parameters and anything unknown are not members; legacy aliases are.
/// </summary>
public sealed class OpcodeBodyTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private static readonly Lazy<JsonDocument> Opcodes = new(() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(ReferenceFiles.Reference, "opcodes-3.0.json"))));

    public static TheoryData<string, string> OpcodeBodyOperations()
    {
        var data = new TheoryData<string, string>();
        foreach (var e in Opcodes.Value.RootElement.GetProperty("rapi_operations").EnumerateArray())
            if (e.TryGetProperty("body", out var body) && body.GetString()!.StartsWith("opcode-body", StringComparison.Ordinal))
                data.Add(e.GetProperty("method").GetString()!, e.GetProperty("path").GetString()!);
        return data;
    }

    public static TheoryData<string, string> IgnoredBodyOperations()
    {
        var data = new TheoryData<string, string>();
        foreach (var e in Opcodes.Value.RootElement.GetProperty("rapi_operations").EnumerateArray())
            if (e.TryGetProperty("body", out var body) && body.GetString()!.StartsWith("ignored", StringComparison.Ordinal))
                data.Add(e.GetProperty("method").GetString()!, e.GetProperty("path").GetString()!);
        return data;
    }

    [Fact]
    public void There_are_opcode_bodies_to_check()
    {
        Assert.True(OpcodeBodyOperations().Count >= 25);
        Assert.True(IgnoredBodyOperations().Count >= 15);
    }

    [Theory]
    [MemberData(nameof(OpcodeBodyOperations))]
    public void Body_schema_lists_every_accepted_opcode_parameter(string method, string path)
    {
        var entry = Entry(method, path);
        var op = Operation(method, path);
        Assert.True(op.RequestBody is not null, $"{op.Id}: no request body schema");
        var body = op.RequestBody.ActualSchema;
        var opcode = entry.GetProperty("opcodes")[0].GetString()!;
        var statics = Strings(entry, "static_params").Append("reason").ToHashSet(StringComparer.Ordinal);
        var forbidden = Strings(entry, "forbidden_params").ToHashSet(StringComparer.Ordinal);
        var renames = entry.GetProperty("renamed_body_params").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        var required = RequiredMembers(body);
        var problems = new List<string>();
        var accepted = new HashSet<string>(StringComparer.Ordinal);

        foreach (var p in Opcodes.Value.RootElement.GetProperty("opcodes").GetProperty(opcode).GetProperty("params").EnumerateArray())
        {
            var name = p.GetProperty("name").GetString()!;
            if (statics.Contains(name) || forbidden.Contains(name))
            {
                if (body.Properties.ContainsKey(name)) problems.Add($"{name}: static or forbidden, yet a body member");
                continue;
            }
            accepted.Add(name);
            if (!body.Properties.TryGetValue(name, out var member)) { problems.Add($"{name}: missing"); continue; }
            var expectedTypes = OpcodeTypes(p.GetProperty("schema"));
            var actualTypes = SpecTypes(member.ActualSchema);
            if (!Covers(actualTypes, expectedTypes) || expectedTypes.Contains("null") != actualTypes.Contains("null"))
                problems.Add($"{name}: types [{string.Join(",", actualTypes.Order())}], opcode has [{string.Join(",", expectedTypes.Order())}]");
            var isRequired = p.GetProperty("required").GetBoolean();
            if (isRequired != required.Contains(name))
                problems.Add($"{name}: {(isRequired ? "required" : "optional")} in the opcode, not in the schema");
        }
        foreach (var (old, target) in renames)
        {
            if (!body.Properties.TryGetValue(old, out var alias)) problems.Add($"alias {old}: missing");
            else if (!SpecTypes(alias.ActualSchema).SetEquals(SpecTypes(body.Properties[target].ActualSchema))) problems.Add($"alias {old}: type differs from {target}");
            accepted.Add(old);
        }
        if (op.Id == "createInstance") accepted.Add("__version__");
        foreach (var name in body.Properties.Keys.Where(k => !accepted.Contains(k)))
            problems.Add($"{name}: a member the handler does not accept");
        if (body.AllowAdditionalProperties) problems.Add("the body is open; unknown members give 400");
        Assert.True(problems.Count == 0, $"{op.Id} ({opcode}):\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(IgnoredBodyOperations))]
    public void Ignored_body_is_marked_and_still_takes_depends(string method, string path)
    {
        var op = Operation(method, path);
        Assert.True(op.RequestBody is not null, $"{op.Id}: no request body entry");
        var body = op.RequestBody.ActualSchema;
        Assert.True(body.ExtensionData?.ContainsKey("x-rapi-ignored") == true, $"{op.Id}: body not marked x-rapi-ignored");
        Assert.True(body.Properties.ContainsKey("depends"), $"{op.Id}: depends is not described");
        Assert.False(op.RequestBodyRequired);
    }

    [Fact]
    public void Required_alias_groups_need_one_name_and_refuse_both()
    {
        var body = fixture.Catalog.Get("createInstance").RequestBody!;
        var v = SchemaValidator.Shared;
        const string rest = "\"__version__\":1,\"mode\":\"create\",\"disks\":[],\"nics\":[]";
        Assert.Empty(v.Validate(body, "{" + rest + ",\"name\":\"a\",\"os\":\"noop\"}"));
        Assert.Empty(v.Validate(body, "{" + rest + ",\"instance_name\":\"a\"}"));
        Assert.NotEmpty(v.Validate(body, "{" + rest + "}"));
        Assert.NotEmpty(v.Validate(body, "{" + rest + ",\"name\":\"a\",\"instance_name\":\"a\"}"));
        Assert.NotEmpty(v.Validate(body, "{\"mode\":\"create\",\"disks\":[],\"nics\":[],\"name\":\"a\"}"));
        Assert.NotEmpty(v.Validate(body, "{" + rest + ",\"name\":\"a\",\"dry_run\":true}"));
    }

    [Fact]
    public void Every_documented_default_is_valid_for_its_member()
    {
        var problems = new List<string>();
        var checkedDefaults = 0;
        foreach (var op in fixture.Catalog.Operations.Where(o => o.RequestBody is not null))
            foreach (var (name, member) in op.RequestBody!.ActualSchema.Properties)
            {
                if (member.Default is null) continue;
                checkedDefaults++;
                var json = Newtonsoft.Json.JsonConvert.SerializeObject(member.Default);
                var errors = SchemaValidator.Shared.Validate(member.ActualSchema, json);
                if (errors.Count > 0) problems.Add($"{op.Id}.{name} default {json}: {string.Join("; ", errors)}");
            }
        Assert.True(checkedDefaults > 100, $"only {checkedDefaults} defaults found");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_body_of_only_the_required_members_is_valid()
    {
        // Minimal bodies built from the schema: every required member with a value of its own schema's
        // shape must pass, and dropping any one of them must fail.
        var minimal = new Dictionary<string, string>
        {
            ["createInstance"] = "{\"__version__\": 1, \"instance_name\": \"i1\", \"mode\": \"create\", \"disks\": [], \"nics\": []}",
            ["createGroup"] = "{\"group_name\": \"g1\"}",
            ["createNetwork"] = "{\"network_name\": \"n1\", \"network\": \"10.0.0.0/24\"}",
            ["renameInstance"] = "{\"new_name\": \"i2\"}",
            ["evacuateNode"] = "{\"mode\": \"all\"}",
            ["replaceInstanceDisks"] = "{\"mode\": \"replace_auto\", \"disks\": \"0,2\"}",
            ["growInstanceDisk"] = "{\"amount\": 1024}",
            ["exportInstance"] = "{\"destination\": \"node2\"}",
            ["connectNetwork"] = "{\"group_name\": \"g1\", \"network_mode\": \"bridged\", \"network_link\": \"br0\"}",
            ["assignGroupNodes"] = "{\"nodes\": [\"n1\"]}",
        };
        foreach (var (id, json) in minimal)
        {
            var body = fixture.Catalog.Get(id).RequestBody!;
            Assert.True(SchemaValidator.Shared.Validate(body, json).Count == 0, $"{id}: {json}: " + string.Join("; ", SchemaValidator.Shared.Validate(body, json)));
            var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
            foreach (var name in node.Select(p => p.Key).ToList())
            {
                var copy = node.DeepClone().AsObject();
                copy.Remove(name);
                var optional = name == "disks" && id == "replaceInstanceDisks";
                Assert.True(optional || SchemaValidator.Shared.Validate(body, copy.ToJsonString()).Count > 0, $"{id}: accepted without {name}");
            }
        }
    }

    private static HashSet<string> RequiredMembers(JsonSchema body)
    {
        var required = body.RequiredProperties.ToHashSet(StringComparer.Ordinal);
        // A required parameter with a legacy alias is required as "one of the two": allOf [anyOf [{required:[new]}, {required:[old]}]].
        foreach (var group in body.AllOf.SelectMany(a => a.ActualSchema.AnyOf.Count > 0 ? [a.ActualSchema] : Array.Empty<JsonSchema>()))
            if (group.AnyOf.All(x => x.RequiredProperties.Count == 1))
                required.Add(group.AnyOf.Select(x => x.RequiredProperties.Single()).First(n => body.Properties[n].ExtensionData?.ContainsKey("x-rapi-alias-of") != true));
        return required;
    }

    private static bool Covers(HashSet<string> actual, HashSet<string> expected) =>
        actual.Contains("any") || expected.All(t => actual.Contains(t) || t == "integer" && actual.Contains("number"));

    private static HashSet<string> OpcodeTypes(JsonElement s)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (s.TryGetProperty("type", out var t))
        {
            if (t.ValueKind == JsonValueKind.Array) foreach (var x in t.EnumerateArray()) set.Add(x.GetString()!);
            else set.Add(t.GetString()!);
        }
        if (s.TryGetProperty("enum", out var e))
            foreach (var x in e.EnumerateArray()) set.Add(KindOf(x));
        foreach (var key in new[] { "anyOf", "oneOf" })
            if (s.TryGetProperty(key, out var alts))
                foreach (var a in alts.EnumerateArray()) set.UnionWith(OpcodeTypes(a));
        if (set.Count == 0 && !s.TryGetProperty("allOf", out _)) set.Add("any");
        if (set.Count == 0) foreach (var a in s.GetProperty("allOf").EnumerateArray()) set.UnionWith(OpcodeTypes(a));
        if (set.Contains("any")) set.Remove("null");
        return set;
    }

    private static HashSet<string> SpecTypes(JsonSchema s)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (flag, name) in new[] { (JsonObjectType.String, "string"), (JsonObjectType.Integer, "integer"), (JsonObjectType.Number, "number"),
                     (JsonObjectType.Boolean, "boolean"), (JsonObjectType.Array, "array"), (JsonObjectType.Object, "object"), (JsonObjectType.Null, "null") })
            if (s.Type.HasFlag(flag)) set.Add(name);
        foreach (var v in s.Enumeration) set.Add(KindOf(JsonSerializer.SerializeToElement(v)));
        foreach (var a in s.AnyOf.Concat(s.OneOf)) set.UnionWith(SpecTypes(a.ActualSchema));
        if (set.Count == 0 && s.AllOf.Count == 0) set.Add("any");
        if (s.IsNullableRaw == true) set.Add("null");
        if (set.Contains("any")) set.Remove("null");
        return set;
    }

    private static string KindOf(JsonElement x) => x.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => x.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "array",
        _ => "object",
    };

    private static JsonElement Entry(string method, string path) =>
        Opcodes.Value.RootElement.GetProperty("rapi_operations").EnumerateArray()
            .First(e => e.GetProperty("method").GetString() == method && e.GetProperty("path").GetString() == path);

    private OperationSpec Operation(string method, string path) =>
        fixture.Catalog.Operations.FirstOrDefault(o => o.Method == method && o.PathTemplate == path)
        ?? throw new Xunit.Sdk.XunitException($"{method} {path}: not in the spec");

    private static IEnumerable<string> Strings(JsonElement e, string key) => e.GetProperty(key).EnumerateArray().Select(x => x.GetString()!);
}
