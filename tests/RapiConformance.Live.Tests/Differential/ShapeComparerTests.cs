using System.Text.Json.Nodes;
using RapiConformance.Differential;
using Xunit;

namespace RapiConformance.Live.Tests.Differential;

public sealed class ShapeComparerTests
{
    private static List<(DifferenceKind Kind, string Path, string A, string B)> Compare(string a, string b) =>
        ShapeComparer.Compare(JsonShape.Of(JsonNode.Parse(a)), JsonShape.Of(JsonNode.Parse(b))).ToList();

    [Fact]
    public void Same_shape_with_other_values_is_no_difference() =>
        Assert.Empty(Compare("""{"name":"a","n":1,"l":["x"]}""", """{"name":"b","n":7,"l":["y","z"]}"""));

    [Fact]
    public void A_member_missing_on_one_side_is_reported()
    {
        var d = Assert.Single(Compare("""{"name":"a","uuid":"u"}""", """{"name":"a"}"""));
        Assert.Equal((DifferenceKind.MissingField, "$.uuid"), (d.Kind, d.Path));
    }

    [Fact]
    public void A_member_whose_name_has_a_dot_is_reported_under_its_own_path()
    {
        var d = Assert.Single(Compare("""{"nic.ips":[]}""", """{}"""));
        Assert.Equal("$['nic.ips']", d.Path);
    }

    [Fact]
    public void A_different_type_is_reported()
    {
        var d = Assert.Single(Compare("""{"id":12}""", """{"id":"12"}"""));
        Assert.Equal((DifferenceKind.FieldType, "$.id", "number", "string"), (d.Kind, d.Path, d.A, d.B));
    }

    [Fact]
    public void Null_and_integral_numbers_are_compatible() =>
        Assert.Empty(Compare("""{"gw":null,"ctime":1.5,"l":[]}""", """{"gw":"10.0.0.1","ctime":2,"l":[1]}"""));

    [Fact]
    public void Members_under_a_null_or_empty_parent_are_not_compared() =>
        Assert.Empty(Compare("""{"o":null,"l":[]}""", """{"o":{"k":1},"l":[{"k":1}]}"""));

    [Fact]
    public void Members_of_list_elements_are_compared()
    {
        var d = Assert.Single(Compare("""[{"id":"a","uri":"/2/x"}]""", """[{"name":"a","uri":"/2/x"}]"""), x => x.Path == "$[].id");
        Assert.Equal("(absent)", d.B);
    }

    [Fact]
    public void Keys_named_after_entities_compare_through_the_normalizer()
    {
        var a = JsonShape.Of(JsonNode.Parse("""{"inst1":{"name":"inst1"}}"""), k => k == "inst1" ? "{instance}" : k);
        var b = JsonShape.Of(JsonNode.Parse("""{"web-7":{"name":"web-7"}}"""), k => k == "web-7" ? "{instance}" : k);
        Assert.Empty(ShapeComparer.Compare(a, b));
    }
}
