using FsCheck;
using FsCheck.Fluent;
using RapiConformance.Generation.Schemas;
using RapiConformance.Spec;
using Xunit;

namespace RapiConformance.Generation.Tests;

public sealed class SchemaGenTests
{
    private static readonly SpecCatalog Catalog = SpecCatalog.Default;

    public static TheoryData<string> OperationsWithBodies()
    {
        var data = new TheoryData<string>();
        foreach (var op in Catalog.Operations.Where(o => o.RequestBody is not null).OrderBy(o => o.Id, StringComparer.Ordinal)) data.Add(op.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(OperationsWithBodies))]
    public void Generated_bodies_validate_against_the_operation_schema(string operationId)
    {
        var schema = Catalog.Get(operationId).RequestBody!;
        var gen = new SchemaGen();
        var arb = Arb.From(gen.For(schema));
        var property = Prop.ForAll(arb, body =>
        {
            var errors = SchemaValidator.Shared.Validate(schema, body?.ToJsonString() ?? "null");
            return errors.Count == 0;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150).WithQuietOnSuccess(true), property);
    }

    [Fact]
    public void Every_operation_in_the_spec_has_a_generator_for_its_parameters()
    {
        var gen = new SchemaGen();
        foreach (var op in Catalog.Operations)
            foreach (var p in op.Parameters)
            {
                var values = Gen.Sample(gen.For(p.Schema), 20, new Rnd(7), 10);
                foreach (var v in values)
                    Assert.True(SchemaValidator.Shared.Validate(p.Schema, v?.ToJsonString() ?? "null").Count == 0, $"{op.Id} {p.Name}: {v?.ToJsonString()}");
            }
    }

    [Theory]
    [InlineData(@"^[\w._-]+$")]
    [InlineData(@"^([0-9a-f]{2}:){5}[0-9a-f]{2}$")]
    [InlineData(@"^(\d{1,3}\.){3}\d{1,3}(/\d{1,2})?$")]
    [InlineData(@"^\d+$")]
    [InlineData(@"^(soft|hard|full)$")]
    [InlineData(@"^[A-Z][a-z]*(-[a-z]+)?[^/\s]{0,3}$")]
    public void Regex_generator_strings_match_their_pattern(string pattern)
    {
        var re = new System.Text.RegularExpressions.Regex(pattern);
        var property = Prop.ForAll(Arb.From(RegexStringGen.For(pattern)), s => re.IsMatch(s));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true), property);
    }

    [Fact]
    public void Generation_covers_required_and_optional_members()
    {
        var schema = Catalog.Get("renameInstance").RequestBody!;
        var bodies = Gen.Sample(new SchemaGen().For(schema), 200, new Rnd(11), 20);
        Assert.All(bodies, b => Assert.NotNull(b!["new_name"]));
        Assert.Contains(bodies, b => b!.AsObject().ContainsKey("name_check"));
        Assert.Contains(bodies, b => !b!.AsObject().ContainsKey("name_check"));
    }
}
