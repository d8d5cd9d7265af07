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
    public void Tag_add_remove_removes_what_it_added_a_few_pairs_earlier_and_each_tag_once()
    {
        var op = LoadOperationCatalog.Find("tag-add-remove", "r", 1)!;
        var requests = Enumerable.Range(0, 400).Select(i => op.Next(i)).ToList();
        Assert.All(requests, r => Assert.True(r.IsJob));
        Assert.Equal("/2/tags?tag=rcl-r-3", requests[6].PathAndQuery);
        Assert.Equal(HttpMethod.Put, requests[6].Method);
        var added = new Dictionary<string, int>();
        for (var i = 0; i < requests.Count; i++)
        {
            var tag = requests[i].PathAndQuery;
            if (requests[i].Method == HttpMethod.Put) { Assert.True(added.TryAdd(tag, i), $"{tag} added twice"); continue; }
            Assert.Equal(HttpMethod.Delete, requests[i].Method);
            Assert.True(added.Remove(tag, out var at), $"{tag} removed before it was added");
            Assert.True(i - at >= 2 * PairSchedule.Lag, $"{tag} removed only {i - at} requests after its add");
        }
        Assert.InRange(added.Count, 1, 3 * PairSchedule.Lag); // the cluster does not grow with the run
    }

    [Fact]
    public void Instance_create_delete_deletes_instances_it_created()
    {
        var op = LoadOperationCatalog.Find("instance-create-delete", "r", 1)!;
        var first = op.Next(4);
        Assert.Equal(HttpMethod.Post, first.Method);
        Assert.Contains("\"name\":\"rcl-r-2.load.test\"", first.Body, StringComparison.Ordinal);
        var delete = Enumerable.Range(0, 200).Select(i => op.Next(i)).First(r => r.Method == HttpMethod.Delete);
        Assert.Equal("/2/instances/rcl-r-0.load.test", delete.PathAndQuery);
        var names = Enumerable.Range(0, 200).Select(i => op.Next(i)).Where(r => r.Method == HttpMethod.Post)
            .Select(r => System.Text.Json.JsonDocument.Parse(r.Body!).RootElement.GetProperty("name").GetString()).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
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
        foreach (var expected in new[] { "/2/instances/inst1.example", "/2/instances/inst2.example", "/2/instances/inst3.example", "/2/nodes/node1.example", "/2/instances?bulk=1", "/2/nodes?bulk=1", "/2/instances", "/2/info", "/2/jobs" })
            Assert.Contains(expected, pathsA);
        Assert.InRange(pathsA.Count(p => p.StartsWith("/2/instances/inst", StringComparison.Ordinal)), 100, 200); // about 30 %
    }
}
