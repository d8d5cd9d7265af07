using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NJsonSchema;

namespace RapiConformance.Spec.Tests;

/// <summary>OpenAPI 3.0 semantics of the validator, on small schemas written for the purpose.</summary>
public sealed class SchemaValidatorTests
{
    private static readonly SpecCatalog Mini = SpecCatalog.FromYaml("""
        openapi: 3.0.3
        info: { title: t, version: "1" }
        paths: {}
        components:
          schemas:
            Int: { type: integer }
            Num: { type: number }
            NullableString: { type: string, nullable: true }
            PlainString: { type: string }
            Untyped: { description: anything }
            Color: { type: string, enum: [red, green] }
            Two: { type: integer, enum: [2] }
            Closed:
              type: object
              additionalProperties: false
              required: [a]
              properties: { a: { type: integer }, b: { type: string, nullable: true } }
            MapOfInts: { type: object, additionalProperties: { type: integer } }
            OneOfIntOrString: { oneOf: [ { type: integer }, { type: string } ] }
            OneOfOverlap: { oneOf: [ { type: number }, { type: integer } ] }
            NotBoth:
              type: object
              properties: { x: { type: integer }, y: { type: integer } }
              not: { required: [x, y] }
            Pair: { type: array, minItems: 2, maxItems: 2, items: { type: integer } }
            Range: { type: integer, minimum: 0, maximum: 16, exclusiveMaximum: true }
            Tree:
              type: object
              additionalProperties: false
              properties: { children: { type: array, items: { $ref: '#/components/schemas/Tree' } } }
        """);

    private static IReadOnlyList<string> V(string schema, string json) => SchemaValidator.Shared.Validate(Mini.Component(schema)!, json);

    [Theory]
    [InlineData("Int", "1", true)]
    [InlineData("Int", "-9007199254740993", true)]
    [InlineData("Int", "1.0", false)]
    [InlineData("Int", "1e3", false)]
    [InlineData("Int", "\"1\"", false)]
    [InlineData("Int", "null", false)]
    [InlineData("Num", "1", true)]
    [InlineData("Num", "1.5", true)]
    [InlineData("NullableString", "null", true)]
    [InlineData("PlainString", "null", false)]
    [InlineData("Untyped", "null", true)]
    [InlineData("Untyped", "[1, {}]", true)]
    [InlineData("Color", "\"red\"", true)]
    [InlineData("Color", "\"blue\"", false)]
    [InlineData("Color", "null", false)]
    [InlineData("Two", "2", true)]
    [InlineData("Two", "3", false)]
    [InlineData("Two", "2.0", false)]
    [InlineData("Closed", "{\"a\": 1}", true)]
    [InlineData("Closed", "{\"a\": 1, \"b\": null}", true)]
    [InlineData("Closed", "{\"b\": \"x\"}", false)]
    [InlineData("Closed", "{\"a\": 1, \"c\": 1}", false)]
    [InlineData("Closed", "{\"\\u0061\": 1}", true)]
    [InlineData("MapOfInts", "{\"x\": 1, \"y\": 2}", true)]
    [InlineData("MapOfInts", "{\"x\": \"1\"}", false)]
    [InlineData("OneOfIntOrString", "1", true)]
    [InlineData("OneOfIntOrString", "\"a\"", true)]
    [InlineData("OneOfIntOrString", "true", false)]
    [InlineData("OneOfOverlap", "1", false)]
    [InlineData("OneOfOverlap", "1.5", true)]
    [InlineData("NotBoth", "{\"x\": 1}", true)]
    [InlineData("NotBoth", "{\"x\": 1, \"y\": 2}", false)]
    [InlineData("Pair", "[1, 2]", true)]
    [InlineData("Pair", "[1]", false)]
    [InlineData("Pair", "[1, 2, 3]", false)]
    [InlineData("Range", "15", true)]
    [InlineData("Range", "16", false)]
    [InlineData("Range", "-1", false)]
    [InlineData("Tree", "{\"children\": [{\"children\": []}]}", true)]
    [InlineData("Tree", "{\"children\": [{\"leaf\": 1}]}", false)]
    public void Validates_with_OpenAPI_3_0_semantics(string schema, string json, bool valid)
    {
        var errors = V(schema, json);
        Assert.True(valid == (errors.Count == 0), $"{schema} {json}: {(valid ? "rejected" : "accepted")} {string.Join("; ", errors)}");
    }

    [Fact]
    public void Invalid_json_is_one_error()
    {
        var errors = V("Int", "{");
        Assert.Single(errors);
        Assert.StartsWith("$: not valid JSON", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_name_the_path()
    {
        Assert.Contains("$.children[0]: member 'leaf' is not allowed", V("Tree", "{\"children\": [{\"leaf\": 1}]}"));
    }

    [Property(MaxTest = 200)]
    public Property Integers_pass_and_fractions_fail_an_integer_schema(long whole, int fraction)
    {
        var f = Math.Abs(fraction % 1000) + 1;
        return (V("Int", whole.ToString(System.Globalization.CultureInfo.InvariantCulture)).Count == 0
                && V("Int", $"{whole}.{f}").Count > 0).ToProperty();
    }

    [Property(MaxTest = 200)]
    public Property A_closed_object_refuses_any_unknown_member(NonEmptyString name)
    {
        var key = name.Get;
        var json = new System.Text.Json.Nodes.JsonObject { ["a"] = 1, [key] = 1 }.ToJsonString();
        return (key is "a" or "b" || V("Closed", json).Count > 0).ToProperty();
    }

    [Fact]
    public void Compiled_schemas_are_cached_per_schema()
    {
        var schema = Mini.Component("Closed")!;
        var validator = new SchemaValidator();
        Assert.Same(validator.Compile(schema), validator.Compile(schema));
    }

    [Fact]
    public void IsValid_agrees_with_Validate()
    {
        using var ok = System.Text.Json.JsonDocument.Parse("{\"a\": 1}");
        using var bad = System.Text.Json.JsonDocument.Parse("{\"a\": 1.5}");
        Assert.True(SchemaValidator.Shared.IsValid(Mini.Component("Closed")!, ok.RootElement));
        Assert.False(SchemaValidator.Shared.IsValid(Mini.Component("Closed")!, bad.RootElement));
    }
}
