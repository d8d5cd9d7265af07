using System.Text.Json.Nodes;

namespace RapiConformance.Server.Tests;

/// <summary>
/// Node evacuate/migrate answer Ganeti's ResultWithJobs ({"jobs": [[true, id], ...]}) and the per-instance jobs do the
/// moving; replace-disks, recreate-disks and storage repair check what Ganeti's logic units check.
/// </summary>
public sealed class NodeJobsTests
{
    private static async Task<List<JsonObject>> InstancesAsync(ServerFixture f) =>
        JsonNode.Parse((await f.GetAsync("/2/instances?bulk=1", "reader")).Body)!.AsArray().Select(i => (JsonObject)i!).ToList();

    private static string Template(JsonObject i) => i["disk_template"]!.ToString();

    private static List<string> Snodes(JsonObject i) => i["snodes"]!.AsArray().Select(s => s!.ToString()).ToList();

    private static (string Class, string Message, string? Code) Failure(JsonObject job)
    {
        var r = job["opresult"]![0]!;
        return (r[0]!.ToString(), r[1]![0]!.ToString(), r[1]!.AsArray().Count > 1 ? r[1]![1]!.ToString() : null);
    }

    private static async Task<List<JsonObject>> ChildrenAsync(ServerFixture f, JsonObject parent)
    {
        Assert.Equal("success", parent["status"]!.ToString());
        var children = new List<JsonObject>();
        foreach (var entry in parent["opresult"]![0]!["jobs"]!.AsArray())
        {
            Assert.True(entry![0]!.GetValue<bool>());
            children.Add(await f.WaitForJobAsync(entry[1]!.GetValue<long>()));
        }
        return children;
    }

    [Fact]
    public async Task Evacuating_secondaries_submits_replace_disks_jobs_that_move_them()
    {
        await using var f = await ServerFixture.StartAsync();
        var node = (await InstancesAsync(f)).Where(i => Template(i) == "drbd").SelectMany(Snodes).GroupBy(s => s).MaxBy(g => g.Count())!.Key;
        var before = (await InstancesAsync(f)).Where(i => Snodes(i).Contains(node)).Select(i => i["name"]!.ToString()).Order().ToList();
        Assert.NotEmpty(before);
        var parent = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Post, $"/2/nodes/{node}/evacuate", """{"mode":"secondary-only","iallocator":"hail"}"""));
        var children = await ChildrenAsync(f, parent);
        Assert.Equal(before.Count, children.Count);
        Assert.All(children, c => Assert.Equal("OP_INSTANCE_REPLACE_DISKS", c["ops"]![0]!["OP_ID"]!.ToString()));
        Assert.Equal(before, children.Select(c => c["ops"]![0]!["instance_name"]!.ToString()).Order().ToList());
        Assert.All(children, c => Assert.Equal("success", c["status"]!.ToString()));
        var listed = (await f.GetAsync("/2/jobs", "reader")).Body;
        foreach (var c in children) Assert.Contains($"\"id\":{c["id"]}", listed.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain((await InstancesAsync(f)), i => Snodes(i).Contains(node));
        Assert.Empty(f.ValidationErrors);
    }

    [Fact]
    public async Task Migrating_a_node_submits_a_migrate_job_per_primary_that_succeeds_or_fails_alone()
    {
        await using var f = await ServerFixture.StartAsync();
        var instances = await InstancesAsync(f);
        var node = instances.Where(i => Template(i) == "drbd").GroupBy(i => i["pnode"]!.ToString()).MaxBy(g => g.Count())!.Key;
        var primaries = instances.Where(i => i["pnode"]!.ToString() == node).ToDictionary(i => i["name"]!.ToString(), Template);
        var parent = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Post, $"/2/nodes/{node}/migrate", "{}"));
        var children = await ChildrenAsync(f, parent);
        Assert.Equal(primaries.Count, children.Count);
        foreach (var c in children)
        {
            var name = c["ops"]![0]!["instance_name"]!.ToString();
            Assert.Equal("OP_INSTANCE_MIGRATE", c["ops"]![0]!["OP_ID"]!.ToString());
            if (primaries[name] == "drbd")
            {
                Assert.Equal("success", c["status"]!.ToString());
                Assert.NotEqual(node, JsonNode.Parse((await f.GetAsync($"/2/instances/{name}")).Body)!["pnode"]!.ToString());
            }
            else
            {
                Assert.Equal("error", c["status"]!.ToString());
                Assert.Equal($"Instance's disk layout '{primaries[name]}' does not allow migrations", Failure(c).Message);
            }
        }
        Assert.Empty(f.ValidationErrors);
    }

    [Fact]
    public async Task Replace_disks_follows_Ganetis_checks_and_changes_the_secondary()
    {
        await using var f = await ServerFixture.StartAsync();
        var instances = await InstancesAsync(f);
        var plain = instances.First(i => Template(i) != "drbd")["name"]!.ToString();
        var drbd = instances.First(i => Template(i) == "drbd");
        var name = drbd["name"]!.ToString();
        var nodes = JsonNode.Parse((await f.GetAsync("/2/nodes")).Body)!.AsArray().Select(n => n!["id"]!.ToString()).ToList();
        var third = nodes.First(n => n != drbd["pnode"]!.ToString() && !Snodes(drbd).Contains(n));

        async Task<JsonObject> Replace(string instance, string body) =>
            await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Post, $"/2/instances/{instance}/replace-disks", body));

        Assert.Equal(("OpPrereqError", "The instance has a strange layout, expected one secondary but found 0", "internal_error"),
            Failure(await Replace(plain, """{"mode":"replace_auto"}""")));
        Assert.Equal(("OpPrereqError", "When changing the secondary either an iallocator script must be used or the new node given", "wrong_input"),
            Failure(await Replace(name, """{"mode":"replace_new_secondary"}""")));
        Assert.Equal(("OpPrereqError", "The iallocator and new node options can only be used when changing the secondary node", "wrong_input"),
            Failure(await Replace(name, $$"""{"mode":"replace_on_primary","remote_node":"{{third}}"}""")));
        Assert.Equal(("OpPrereqError", "Do not specify both, iallocator and node", "wrong_input"),
            Failure(await Replace(name, $$"""{"mode":"replace_new_secondary","remote_node":"{{third}}","iallocator":"hail"}""")));
        Assert.Equal(("OpPrereqError", "The specified node is the primary node of the instance", "wrong_input"),
            Failure(await Replace(name, $$"""{"mode":"replace_new_secondary","remote_node":"{{drbd["pnode"]}}"}""")));
        Assert.Equal(("OpPrereqError", "Cannot specify disks to be replaced", "wrong_input"),
            Failure(await Replace(name, $$"""{"mode":"replace_new_secondary","remote_node":"{{third}}","disks":[0]}""")));
        Assert.Equal("wrong_input", Failure(await Replace(name, """{"mode":"replace_on_secondary","disks":[7]}""")).Code);
        Assert.Equal("success", (await Replace(name, """{"mode":"replace_on_secondary","disks":[0]}"""))["status"]!.ToString());
        Assert.Equal(Snodes(drbd), Snodes((JsonObject)JsonNode.Parse((await f.GetAsync($"/2/instances/{name}")).Body)!));

        Assert.Equal("success", (await Replace(name, $$"""{"mode":"replace_new_secondary","remote_node":"{{third}}"}"""))["status"]!.ToString());
        Assert.Equal([third], Snodes((JsonObject)JsonNode.Parse((await f.GetAsync($"/2/instances/{name}")).Body)!));
        Assert.Empty(f.ValidationErrors);
    }

    [Fact]
    public async Task Recreate_disks_and_storage_repair_refuse_what_Ganeti_refuses()
    {
        await using var f = await ServerFixture.StartAsync();
        var instances = await InstancesAsync(f);
        var withDisks = instances.First(i => Template(i) == "plain")["name"]!.ToString();
        async Task<JsonObject> Recreate(string instance, string body) =>
            await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Post, $"/2/instances/{instance}/recreate-disks", body));

        var diskless = instances.FirstOrDefault(i => Template(i) == "diskless");
        if (diskless is not null)
            Assert.Equal(("OpPrereqError", $"Instance '{diskless["name"]}' has no disks", "wrong_input"), Failure(await Recreate(diskless["name"]!.ToString(), "{}")));
        await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, $"/2/instances/{withDisks}/startup"));
        Assert.Equal(("OpPrereqError", $"Instance '{withDisks}' is marked to be up, cannot recreate disks", "wrong_state"), Failure(await Recreate(withDisks, "{}")));
        await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, $"/2/instances/{withDisks}/shutdown"));
        Assert.Equal(("OpPrereqError", "Invalid disk index '5'", "wrong_input"), Failure(await Recreate(withDisks, """{"disks":[5]}""")));
        Assert.Equal("wrong_input", Failure(await Recreate(withDisks, """{"nodes":["node1.ganeti.test","node2.ganeti.test"]}""")).Code);
        var target = JsonNode.Parse((await f.GetAsync("/2/nodes")).Body)!.AsArray().Select(n => n!["id"]!.ToString())
            .First(n => n != instances.First(i => i["name"]!.ToString() == withDisks)["pnode"]!.ToString());
        Assert.Equal("success", (await Recreate(withDisks, $$"""{"nodes":["{{target}}"]}"""))["status"]!.ToString());
        Assert.Equal(target, JsonNode.Parse((await f.GetAsync($"/2/instances/{withDisks}")).Body)!["pnode"]!.ToString());

        var repair = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/nodes/node1.ganeti.test/storage/repair?storage_type=lvm-pv&name=xenvg"));
        Assert.Equal(("OpPrereqError", "Storage units of type 'lvm-pv' can not be repaired", "wrong_input"), Failure(repair));
        var ok = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/nodes/node1.ganeti.test/storage/repair?storage_type=lvm-vg&name=xenvg"));
        Assert.Equal("success", ok["status"]!.ToString());
        Assert.Empty(f.ValidationErrors);
    }
}
