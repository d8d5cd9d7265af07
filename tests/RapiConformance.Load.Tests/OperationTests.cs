using RapiConformance.Load.Operations;

namespace RapiConformance.Load.Tests;

public class OperationTests
{
    [Fact]
    public void Every_operation_has_a_unique_name_and_a_description()
    {
        var ops = LoadOperationCatalog.Create("r", 1);
        Assert.Equal(ops.Count, ops.Select(o => o.Name).Distinct().Count());
        Assert.All(ops, o => Assert.False(string.IsNullOrWhiteSpace(o.Description)));
        Assert.Contains("tag-add", LoadOperationCatalog.Names);
        Assert.Null(LoadOperationCatalog.Find("no-such-op", "r", 1));
    }

    [Fact]
    public void Tag_add_remove_alternates_on_the_same_tag()
    {
        var op = LoadOperationCatalog.Find("tag-add-remove", "r", 1)!;
        var add = op.Next(6);
        var remove = op.Next(7);
        Assert.Equal(HttpMethod.Put, add.Method);
        Assert.Equal(HttpMethod.Delete, remove.Method);
        Assert.Equal("/2/tags?tag=rcl-r-3", add.PathAndQuery);
        Assert.Equal(add.PathAndQuery, remove.PathAndQuery);
        Assert.True(add.IsJob && remove.IsJob);
    }

    [Fact]
    public void Instance_create_delete_creates_then_deletes_the_same_instance()
    {
        var op = LoadOperationCatalog.Find("instance-create-delete", "r", 1)!;
        var create = op.Next(4);
        var delete = op.Next(5);
        Assert.Equal(HttpMethod.Post, create.Method);
        Assert.Contains("\"name\":\"rcl-r-2.load.test\"", create.Body, StringComparison.Ordinal);
        Assert.Equal("/2/instances/rcl-r-2.load.test", delete.PathAndQuery);
    }

    [Fact]
    public async Task Read_mix_is_seeded_and_covers_its_paths()
    {
        await using var server = await FakeRapiServer.StartAsync();
        using var client = new Engine.RapiLoadClient(server.BaseUri, null, null, false, TimeSpan.FromSeconds(5));
        var a = LoadOperationCatalog.Find("read-mix", "r", 7)!;
        var b = LoadOperationCatalog.Find("read-mix", "r", 7)!;
        await a.PrepareAsync(client, CancellationToken.None);
        await b.PrepareAsync(client, CancellationToken.None);
        var pathsA = Enumerable.Range(0, 500).Select(i => a.Next(i).PathAndQuery).ToList();
        Assert.Equal(pathsA, Enumerable.Range(0, 500).Select(i => b.Next(i).PathAndQuery));
        foreach (var expected in new[] { "/2/instances/inst1.example", "/2/nodes/node1.example", "/2/instances?bulk=1", "/2/nodes?bulk=1", "/2/instances", "/2/info", "/2/jobs" })
            Assert.Contains(expected, pathsA);
        Assert.InRange(pathsA.Count(p => p == "/2/instances/inst1.example"), 100, 200); // about 30 %
    }
}
