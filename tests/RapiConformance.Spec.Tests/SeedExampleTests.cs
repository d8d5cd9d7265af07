namespace RapiConformance.Spec.Tests;

/// <summary>Every JSON example of the seed documents validates against its operation's schema for that profile.</summary>
public sealed class SeedExampleTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private static IReadOnlyList<SeedExample> All() =>
    [
        .. SeedExample.FromSeed20(Path.Combine(ReferenceFiles.Seeds, "000_f3a62f5654283c24.txt")),
        .. SeedExample.FromSeed25(Path.Combine(ReferenceFiles.Seeds, "001_cfa49c2244122614.txt")),
    ];

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var e in All()) data.Add(e.ToString());
        return data;
    }

    [Fact]
    public void The_seeds_have_the_expected_number_of_examples()
    {
        // 2.0: info, instances list + bulk, instance tags, nodes list + bulk, node tags, os, cluster tags.
        Assert.Equal(9, All().Count(e => e.Profile == Profile.V2_0));
        // 2.5: info, groups list + bulk, instances list + bulk, instance tags, nodes list + bulk, role, node tags, os, tags.
        Assert.Equal(12, All().Count(e => e.Profile == Profile.V2_5));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Seed_example_validates_for_its_profile(string name)
    {
        var example = All().Single(e => e.ToString() == name);
        var match = fixture.Catalog.Match(example.Method, example.ConcretePath, example.Profile);
        Assert.True(match.Operation is not null, $"{example}: no operation in profile {example.Profile}");
        var schema = match.Operation.SuccessSchema(example.Profile);
        Assert.NotNull(schema);
        var errors = SchemaValidator.Shared.Validate(schema, example.Json);
        Assert.True(errors.Count == 0, $"{example} ({match.Operation.Id}):\n{example.Json}\n" + string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Seed_example_of_a_changed_shape_does_not_pass_as_3_0(string name)
    {
        // The per-profile mechanism must matter: the 2.x list and bulk examples use shapes 3.0 does not have.
        var example = All().Single(e => e.ToString() == name);
        var op = fixture.Catalog.Match(example.Method, example.ConcretePath, Profile.V3_0).Operation!;
        var v3 = SchemaValidator.Shared.Validate(op.SuccessSchema(Profile.V3_0)!, example.Json);
        var changed = op.Id is "listInstances" or "listNodes" or "getClusterInfo" || op.Id == "listGroups" && example.Json.Contains("node_cnt", StringComparison.Ordinal);
        if (changed) Assert.True(v3.Count > 0, $"{example}: a 2.x-only shape validates against the 3.0 schema of {op.Id}");
        else Assert.True(v3.Count == 0, $"{example}: should be valid in 3.0 too:\n" + string.Join("\n", v3));
    }
}
