using RapiConformance.Spec;

namespace RapiConformance.Server.Tests;

/// <summary>A profile serves its own operations (others are unknown resources) in its own shapes.</summary>
public sealed class ProfileTests
{
    [Theory]
    [InlineData("2.0")]
    [InlineData("2.5")]
    public async Task Legacy_profiles_serve_their_operations_and_shapes(string name)
    {
        var profile = Profile.Parse(name);
        await using var f = await ServerFixture.StartAsync(o => o with { Profile = profile });
        Assert.Equal(404, (await f.GetAsync("/2/filters")).Status);
        Assert.Equal(404, (await f.GetAsync("/2/networks")).Status);
        Assert.Equal(name == "2.0" ? 404 : 200, (await f.GetAsync("/version")).Status);
        var bulk = await f.GetAsync("/2/instances?bulk=1");
        Assert.Equal(200, bulk.Status);
        Assert.Contains("\"admin_state\":true", bulk.Body, StringComparison.Ordinal);
        foreach (var p in new[] { "/2/info", "/2/instances", "/2/instances/inst1.ganeti.test", "/2/nodes?bulk=1", "/2/tags", "/2/jobs" })
            Assert.Equal(200, (await f.GetAsync(p)).Status);
        var id = await f.SubmitAsync(HttpMethod.Put, "/2/instances/inst1.ganeti.test/tags?tag=legacy");
        Assert.Equal("success", (await f.WaitForJobAsync(id))["status"]!.ToString());
        Assert.Empty(f.ValidationErrors);
    }
}
