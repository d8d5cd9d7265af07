namespace RapiConformance.Spec.Tests;

/// <summary>Matching concrete paths the way Ganeti's router does (resources.md, protocol.md §2).</summary>
public sealed class PathMatcherTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Theory]
    [InlineData("GET", "/", "getRoot")]
    [InlineData("GET", "/2", "getApiRoot")]
    [InlineData("GET", "/2/instances/inst1.example.com", "getInstance")]
    [InlineData("GET", "/2/instances/inst1/info?static=1", "getInstanceInfo")]
    [InlineData("POST", "/2/instances-multi-alloc", "createInstancesMultiAlloc")]
    [InlineData("POST", "/2/instances/web_1-a.b/disk/0/grow", "growInstanceDisk")]
    [InlineData("GET", "/2/jobs/42/wait", "waitForJobChange")]
    [InlineData("DELETE", "/2/jobs/42", "cancelJob")]
    [InlineData("GET", "/2/query/instance/fields", "queryResourceFields")]
    [InlineData("PUT", "/2/query/node", "queryResourceWithFilter")]
    [InlineData("PUT", "/2/nodes/n1/storage/modify?name=x", "modifyNodeStorage")]
    [InlineData("get", "/2/info", "getClusterInfo")]
    public void Finds_the_operation(string method, string path, string id)
    {
        var m = fixture.Catalog.Match(method, path, Profile.V3_0);
        Assert.True(m.ResourceFound);
        Assert.Equal(id, m.Operation?.Id);
    }

    [Theory]
    [InlineData("/2/instances/")]
    [InlineData("//2/info")]
    [InlineData("/2/jobs/abc")]
    [InlineData("/2/instances/a%20b")]
    [InlineData("/2/instances/x/disk/one/grow")]
    [InlineData("/3")]
    [InlineData("2/info")]
    [InlineData("")]
    public void Unknown_resources_are_not_found(string path) =>
        Assert.False(fixture.Catalog.Match("GET", path, Profile.V3_0).ResourceFound);

    [Fact]
    public void A_known_resource_without_the_method_has_no_operation_and_lists_the_methods()
    {
        var m = fixture.Catalog.Match("POST", "/2/instances/inst1", Profile.V3_0);
        Assert.True(m.ResourceFound);
        Assert.Null(m.Operation);
        Assert.Equal(["DELETE", "GET"], m.AllowedMethods.Order(StringComparer.Ordinal));
        Assert.Equal("inst1", m.PathValues["instance_name"]);
    }

    [Fact]
    public void Profiles_limit_what_exists()
    {
        Assert.False(fixture.Catalog.Match("GET", "/version", Profile.V2_0).ResourceFound);
        Assert.True(fixture.Catalog.Match("GET", "/version", Profile.V2_5).ResourceFound);
        Assert.False(fixture.Catalog.Match("GET", "/2/networks", Profile.V2_5).ResourceFound);
        // The 2.0 document's /2/instances/tags is, on a real server, the instance named "tags".
        Assert.Equal("getInstance", fixture.Catalog.Match("GET", "/2/instances/tags", Profile.V2_0).Operation?.Id);
        // /2/groups/{g}/tags exists from 3.0 only; in 2.5 the resource itself is unknown.
        Assert.False(fixture.Catalog.Match("GET", "/2/groups/g1/tags", Profile.V2_5).ResourceFound);
        // Every method of GET/PUT/DELETE /2/jobs/{id}/wait but GET is 501 in 2.5.
        var wait = fixture.Catalog.Match("PUT", "/2/jobs/1/wait", Profile.V2_5);
        Assert.True(wait.ResourceFound);
        Assert.Null(wait.Operation);
    }

    [Fact]
    public void Without_a_profile_every_operation_is_reachable()
    {
        foreach (var op in fixture.Catalog.Operations)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(op.PathTemplate, @"\{(job_id|disk_index)\}", "7");
            path = System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", "name-1");
            Assert.Equal(op.Id, fixture.Catalog.Match(op.Method, path).Operation?.Id);
        }
    }
}
