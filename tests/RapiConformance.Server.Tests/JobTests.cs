using System.Text.Json.Nodes;

namespace RapiConformance.Server.Tests;

/// <summary>Jobs change the cluster, fail with Ganeti's classifications, honour dry-run, cancel and /wait.</summary>
public sealed class JobTests
{
    private const string Create = """{"__version__":1,"mode":"create","name":"NAME","disk_template":"plain","disks":[{"size":1024}],"nics":[{}],"os_type":"noop+default","beparams":{"memory":512},"pnode":"node2.ganeti.test"}""";

    [Fact]
    public async Task Instance_lifecycle_keeps_the_invariants()
    {
        await using var f = await ServerFixture.StartAsync();
        var node = JsonNode.Parse((await f.GetAsync("/2/nodes/node2.ganeti.test")).Body)!;
        var id = await f.SubmitAsync(HttpMethod.Post, "/2/instances", Create.Replace("NAME", "web1.ganeti.test"));
        var job = await f.WaitForJobAsync(id);
        Assert.Equal("success", job["status"]!.ToString());
        Assert.Equal("INSTANCE_CREATE(web1.ganeti.test)", job["summary"]![0]!.ToString());
        var after = JsonNode.Parse((await f.GetAsync("/2/nodes/node2.ganeti.test")).Body)!;
        Assert.Equal(node["pinst_cnt"]!.GetValue<int>() + 1, after["pinst_cnt"]!.GetValue<int>());
        Assert.Equal(node["mfree"]!.GetValue<int>() - 512, after["mfree"]!.GetValue<int>());
        Assert.Equal(node["dfree"]!.GetValue<int>() - 1024, after["dfree"]!.GetValue<int>());

        var dup = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Post, "/2/instances", Create.Replace("NAME", "web1.ganeti.test")));
        Assert.Equal("error", dup["status"]!.ToString());
        var result = dup["opresult"]![0]!;
        Assert.Equal("OpPrereqError", result[0]!.ToString());
        Assert.Equal("Instance 'web1.ganeti.test' is already in the cluster", result[1]![0]!.ToString());
        Assert.Equal("already_exists", result[1]![1]!.ToString());

        var missing = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/instances/nosuch.ganeti.test/shutdown"));
        Assert.Equal("unknown_entity", missing["opresult"]![0]![1]![1]!.ToString());

        var grow = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Post, "/2/instances/web1.ganeti.test/disk/0/grow", """{"amount":100000000}"""));
        Assert.Equal("insufficient_resources", grow["opresult"]![0]![1]![1]!.ToString());

        Assert.Equal("success", (await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/instances/web1.ganeti.test/shutdown")))["status"]!.ToString());
        Assert.Equal("success", (await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/instances/web1.ganeti.test/rename", """{"new_name":"web2.ganeti.test"}""")))["status"]!.ToString());
        Assert.Equal(404, (await f.GetAsync("/2/instances/web1.ganeti.test")).Status);
        Assert.Equal(200, (await f.GetAsync("/2/instances/web2.ganeti.test")).Status);
        var list = (await f.GetAsync("/2/instances")).Body;
        Assert.DoesNotContain("web1.ganeti.test", list, StringComparison.Ordinal);

        Assert.Equal("success", (await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Delete, "/2/instances/web2.ganeti.test")))["status"]!.ToString());
        var final = JsonNode.Parse((await f.GetAsync("/2/nodes/node2.ganeti.test")).Body)!;
        Assert.Equal(node["pinst_cnt"]!.GetValue<int>(), final["pinst_cnt"]!.GetValue<int>());
        Assert.Empty(f.ValidationErrors);
    }

    [Fact]
    public async Task Dry_run_checks_but_changes_nothing()
    {
        await using var f = await ServerFixture.StartAsync();
        var job = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/tags?tag=dry&dry-run=1"));
        Assert.Equal("success", job["status"]!.ToString());
        Assert.True(job["ops"]![0]!["dry_run"]!.GetValue<bool>());
        Assert.DoesNotContain("dry", (await f.GetAsync("/2/tags")).Body, StringComparison.Ordinal);
        var created = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Post, "/2/instances?dry-run=1", Create.Replace("NAME", "dry.ganeti.test")));
        Assert.Equal("success", created["status"]!.ToString());
        Assert.Equal(404, (await f.GetAsync("/2/instances/dry.ganeti.test")).Status);
        var failing = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Delete, "/2/tags?tag=absent&dry-run=1"));
        Assert.Equal("error", failing["status"]!.ToString());
    }

    [Fact]
    public async Task Queued_job_can_be_cancelled_and_wait_reports_changes()
    {
        await using var f = await ServerFixture.StartAsync(o => o with { JobWorkers = 1, JobRunTime = TimeSpan.FromMilliseconds(800) });
        var first = await f.SubmitAsync(HttpMethod.Put, "/2/tags?tag=one");
        var second = await f.SubmitAsync(HttpMethod.Put, "/2/tags?tag=two");
        var cancel = await f.SendAsync(HttpMethod.Delete, $"/2/jobs/{second}", "admin");
        Assert.Equal($"[true,\"Job {second} canceled\"]", cancel.Body);
        var canceled = await f.WaitForJobAsync(second);
        Assert.Equal("canceled", canceled["status"]!.ToString());
        Assert.Equal("Job canceled by request", canceled["opresult"]![0]!.ToString());

        var wait = await f.SendAsync(HttpMethod.Get, $"/2/jobs/{first}/wait", "admin", """{"fields":["status"],"previous_job_info":null,"previous_log_serial":null}""");
        Assert.Equal(200, wait.Status);
        Assert.NotNull(wait.Json!["job_info"]);
        await f.WaitForJobAsync(first);
        var late = await f.SendAsync(HttpMethod.Delete, $"/2/jobs/{first}", "admin");
        Assert.Equal($"[false,\"Job {first} is no longer waiting in the queue\"]", late.Body);
        Assert.Equal(403, (await f.SendAsync(HttpMethod.Get, $"/2/jobs/{first}/wait", "reader", """{"fields":["status"]}""")).Status);
        Assert.Equal(400, (await f.SendAsync(HttpMethod.Get, $"/2/jobs/{first}/wait", "admin", """{"previous_job_info":null}""")).Status);
        Assert.Equal(404, (await f.SendAsync(HttpMethod.Get, "/2/jobs/987654/wait", "admin", """{"fields":["status"]}""")).Status);
        Assert.DoesNotContain("\"two\"", (await f.GetAsync("/2/tags")).Body, StringComparison.Ordinal);
        Assert.Empty(f.ValidationErrors);
    }

    [Fact]
    public async Task Groups_and_networks_refuse_unsafe_removals()
    {
        await using var f = await ServerFixture.StartAsync();
        var nonEmpty = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Delete, "/2/groups/default"));
        Assert.Equal("wrong_state", nonEmpty["opresult"]![0]![1]![1]!.ToString());
        Assert.Equal("success", (await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Post, "/2/groups", """{"name":"g2"}""")))["status"]!.ToString());
        Assert.Equal("success", (await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/groups/g2/rename", """{"new_name":"g3"}""")))["status"]!.ToString());
        Assert.Equal(404, (await f.GetAsync("/2/groups/g2")).Status);
        Assert.Equal("success", (await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Delete, "/2/groups/g3")))["status"]!.ToString());
        var connected = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Delete, "/2/networks/net1"));
        Assert.Equal("wrong_state", connected["opresult"]![0]![1]![1]!.ToString());
    }

    [Fact]
    public async Task Cluster_modify_keeps_info_shapes()
    {
        await using var f = await ServerFixture.StartAsync();
        var job = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/modify", """{"hidden_os":[["add","debootstrap+buster"]],"candidate_pool_size":5}"""));
        Assert.Equal("success", job["status"]!.ToString());
        var info = (await f.GetAsync("/2/info")).Json!;
        Assert.Equal("debootstrap+buster", info["hidden_os"]![0]!.ToString());
        Assert.Equal(5, info["candidate_pool_size"]!.GetValue<int>());
        var be = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/modify", """{"beparams":{"vcpus":2}}"""));
        Assert.Equal("success", be["status"]!.ToString());
        Assert.Equal(2, (await f.GetAsync("/2/info")).Json!["beparams"]!["default"]!["vcpus"]!.GetValue<int>());
        Assert.Equal("error", (await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/modify", """{"beparams":{"minmem":-1}}""")))["status"]!.ToString());
        Assert.Equal("error", (await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/modify", """{"beparams":{"memory":null}}""")))["status"]!.ToString());
        Assert.Equal("error", (await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/modify", """{"beparams":{"minmem":{}}}""")))["status"]!.ToString());
        Assert.Equal("error", (await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/instances/inst1.ganeti.test/modify", """{"custom_beparams":{"vcpus":[1]}}""")))["status"]!.ToString());
        await f.GetAsync("/2/instances?bulk=1");
        var negative = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/instances/inst1.ganeti.test/modify", """{"custom_beparams":{"maxmem":-1,"memory":0}}"""));
        Assert.Equal("error", negative["status"]!.ToString());
        Assert.Empty(f.ValidationErrors);
    }

    [Fact]
    public async Task Fractional_memory_is_stored_as_a_whole_number()
    {
        // Found by the fuzzer: a fraction was stored and the bulk list then broke its integer schema.
        await using var f = await ServerFixture.StartAsync();
        var job = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/instances/inst1.ganeti.test/modify", """{"custom_beparams":{"memory":256.5}}"""));
        Assert.Equal("success", job["status"]!.ToString());
        var inst = (await f.GetAsync("/2/instances/inst1.ganeti.test")).Json!;
        // utils.ParseUnit rounds a size up to whole MiB and then to a multiple of 4.
        Assert.Equal(260, inst["beparams"]!["maxmem"]!.GetValue<long>());
        Assert.Equal(260, inst["custom_beparams"]!["minmem"]!.GetValue<long>());
        await f.GetAsync("/2/instances?bulk=1");
        Assert.Empty(f.ValidationErrors);
    }
}
