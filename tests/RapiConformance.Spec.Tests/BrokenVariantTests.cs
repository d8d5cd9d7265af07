using System.Text.Json.Nodes;
using NJsonSchema;

namespace RapiConformance.Spec.Tests;

/// <summary>
/// Deliberately broken variants of real 3.0.2 answers fail: every member given a wrong type, every required
/// member removed, every enum member given an unknown value, and an unknown member added to a closed object.
/// </summary>
public sealed class BrokenVariantTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    public static TheoryData<string> ObjectSamples() =>
    [
        "004_get_info.txt", "010_get_node.txt", "016_get_instance.txt", "018_get_instance_console.txt",
        "022_get_group.txt", "026_get_network.txt", "030_get_query_instance.txt", "032_get_query_instance_fields.txt",
        "043_get_job_success.txt", "044_get_job_wait.txt", "056_get_job_failed.txt", "074_err_no_credentials_get.txt",
    ];

    [Theory]
    [MemberData(nameof(ObjectSamples))]
    public void Original_sample_is_valid(string file)
    {
        var (schema, body) = Load(file);
        Assert.Empty(SchemaValidator.Shared.Validate(schema, body.ToJsonString()));
    }

    [Theory]
    [MemberData(nameof(ObjectSamples))]
    public void Every_member_with_a_wrong_type_fails(string file)
    {
        var (schema, body) = Load(file);
        var accepted = new List<string>();
        foreach (var (name, member) in schema.ActualProperties)
        {
            if (!body.ContainsKey(name) || IsAny(member.ActualSchema)) continue;
            var copy = body.DeepClone().AsObject();
            copy[name] = WrongValueFor(member.ActualSchema);
            if (SchemaValidator.Shared.Validate(schema, copy.ToJsonString()).Count == 0) accepted.Add($"{name} = {copy[name]?.ToJsonString()}");
        }
        Assert.True(accepted.Count == 0, $"{file}: wrong types accepted: {string.Join("; ", accepted)}");
    }

    [Theory]
    [MemberData(nameof(ObjectSamples))]
    public void Every_required_member_removed_fails(string file)
    {
        var (schema, body) = Load(file);
        var required = schema.RequiredProperties.ToList();
        Assert.NotEmpty(required);
        var accepted = required.Where(name =>
        {
            var copy = body.DeepClone().AsObject();
            copy.Remove(name);
            return SchemaValidator.Shared.Validate(schema, copy.ToJsonString()).Count == 0;
        }).ToList();
        Assert.True(accepted.Count == 0, $"{file}: missing members accepted: {string.Join(", ", accepted)}");
    }

    [Theory]
    [MemberData(nameof(ObjectSamples))]
    public void Every_enum_member_with_an_unknown_value_fails(string file)
    {
        var (schema, body) = Load(file);
        var accepted = new List<string>();
        foreach (var (name, member) in schema.ActualProperties)
        {
            var s = member.ActualSchema;
            if (s.Enumeration.Count == 0 || !body.ContainsKey(name)) continue;
            var copy = body.DeepClone().AsObject();
            copy[name] = s.Type.HasFlag(JsonObjectType.Integer) ? JsonValue.Create(987654) : JsonValue.Create("no-such-value");
            if (SchemaValidator.Shared.Validate(schema, copy.ToJsonString()).Count == 0) accepted.Add(name);
        }
        Assert.True(accepted.Count == 0, $"{file}: unknown enum values accepted for {string.Join(", ", accepted)}");
    }

    [Theory]
    [MemberData(nameof(ObjectSamples))]
    public void An_unknown_member_fails_where_the_object_is_closed(string file)
    {
        var (schema, body) = Load(file);
        var copy = body.DeepClone().AsObject();
        copy["no_such_member"] = 1;
        var errors = SchemaValidator.Shared.Validate(schema, copy.ToJsonString());
        if (schema.AllowAdditionalProperties) Assert.Empty(errors);
        else Assert.Contains(errors, e => e.Contains("no_such_member", StringComparison.Ordinal));
    }

    [Fact]
    public void Closed_entity_schemas_are_really_closed()
    {
        foreach (var name in new[] { "Instance", "Node", "NodeBulk", "Group", "Network", "Filter", "Job", "JobBulk", "Console", "QueryResult", "Error" })
            Assert.False(fixture.Catalog.Component(name)!.AllowAdditionalProperties, name + " is open");
    }

    [Fact]
    public void A_broken_element_deep_in_a_bulk_list_is_found_with_its_path()
    {
        var op = fixture.Catalog.Get("listInstances");
        var x = RecordedExchange.Parse(Path.Combine(ReferenceFiles.Samples, "015_get_instances_bulk.txt"))!;
        var list = JsonNode.Parse(x.Body)!.AsArray();
        list[1]!["admin_state"] = true; // the 2.x shape
        var errors = SchemaValidator.Shared.Validate(op.SuccessSchema(Profile.V3_0)!, list.ToJsonString());
        Assert.Contains(errors, e => e.Contains("$[1].admin_state", StringComparison.Ordinal));
        foreach (var item in list) item!["admin_state"] = true;
        Assert.Empty(SchemaValidator.Shared.Validate(op.SuccessSchema(Profile.V2_0)!, list.ToJsonString()));
    }

    private (JsonSchema Schema, JsonObject Body) Load(string file)
    {
        var x = RecordedExchange.Parse(Path.Combine(ReferenceFiles.Samples, file))!;
        var op = fixture.Catalog.Match(x.Method, x.Path, Profile.V3_0).Operation!;
        return (op.Responses[x.Status].SchemaFor(Profile.V3_0)!.ActualSchema, JsonNode.Parse(x.Body)!.AsObject());
    }

    private static bool IsAny(JsonSchema s) => s.Type == JsonObjectType.None && s.AnyOf.Count == 0 && s.OneOf.Count == 0 && s.Enumeration.Count == 0;

    /// <summary>A value whose JSON type the member's schema does not allow.</summary>
    private static JsonNode WrongValueFor(JsonSchema s)
    {
        var t = s.Type;
        if (t == JsonObjectType.None) return new JsonObject { ["unexpected"] = true }; // anyOf / enum schemas: none take an object here
        if (!t.HasFlag(JsonObjectType.String)) return JsonValue.Create("wrong-type");
        if (!t.HasFlag(JsonObjectType.Boolean)) return JsonValue.Create(true);
        return JsonValue.Create(1.5);
    }
}
