using System.Text.Json.Nodes;

namespace RapiConformance.Server.Tests;

/// <summary>
/// Answers the live differential run against Ganeti 3.0.2 showed (docs/live.md, S1-S10): what Ganeti's LUs
/// write back into a job's ops, LUInstanceQueryData's result, and the refusals with Ganeti's classification.
/// </summary>
public sealed class GanetiFidelityTests
{
    private const string Master = "node1.ganeti.test";

    [Fact]
    public async Task Job_ops_carry_what_Ganeti_resolves_into_the_opcode()
    {
        await using var f = await ServerFixture.StartAsync();
        var instance = (await f.GetAsync("/2/instances")).Json!.AsArray()[0]!["id"]!.ToString();
        var uuid = (await f.GetAsync($"/2/instances/{instance}")).Json!["uuid"]!.ToString();

        var shutdown = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, $"/2/instances/{instance}/shutdown"));
        Assert.Equal(uuid, shutdown["ops"]![0]!["instance_uuid"]!.ToString());
        Assert.Equal("admin", shutdown["ops"]![0]!["admin_state_source"]!.ToString());

        var nodeUuid = (await f.GetAsync($"/2/nodes/{Master}")).Json!["uuid"]!.ToString();
        var evacuate = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Post, $"/2/nodes/{Master}/evacuate", """{"mode":"all"}"""));
        Assert.Equal(nodeUuid, evacuate["ops"]![0]!["node_uuid"]!.ToString());
        Assert.Equal("hail", evacuate["ops"]![0]!["iallocator"]!.ToString());

        var unknown = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/instances/nosuch.ganeti.test/shutdown"));
        Assert.Null(unknown["ops"]![0]!["instance_uuid"]);
    }

    [Fact]
    public async Task Node_refusals_are_wrong_input_with_Ganetis_messages()
    {
        await using var f = await ServerFixture.StartAsync();
        async Task<JsonNode> Fails(HttpMethod method, string path, string? body = null)
        {
            var job = await f.WaitForJobAsync(await f.SubmitAsync(method, path, body));
            Assert.Equal("error", job["status"]!.ToString());
            Assert.Equal("OpPrereqError", job["opresult"]![0]![0]!.ToString());
            Assert.Equal("wrong_input", job["opresult"]![0]![1]![1]!.ToString());
            return job["opresult"]![0]![1]![0]!;
        }

        Assert.Equal("Please pass at least one modification", (await Fails(HttpMethod.Post, $"/2/nodes/{Master}/modify", "{}")).ToString());
        Assert.StartsWith("Due to an issue with the iallocator interface",
            (await Fails(HttpMethod.Post, $"/2/nodes/{Master}/evacuate", """{"mode":"all"}""")).ToString(), StringComparison.Ordinal);
        Assert.Equal("Storage units of type 'lvm-vg' can not be modified",
            (await Fails(HttpMethod.Put, $"/2/nodes/{Master}/storage/modify?storage_type=lvm-vg&name=xenvg&allocatable=1")).ToString());
        Assert.Equal("The master role can be changed only via master-failover",
            (await Fails(HttpMethod.Put, $"/2/nodes/{Master}/role", "\"regular\"")).ToString());
    }

    [Theory]
    [InlineData("""{"os": 5}""", "Can't parse value for 'os_type': Unable to read String")]
    [InlineData("""{"os": ["x"]}""", "Can't parse value for 'os_type': Unable to read String")]
    [InlineData("""{"os": ""}""", "Can't parse value for 'os_type': Received empty value for non-empty list")]
    [InlineData("""{"osparams": 5}""", "Can't parse value for 'osparams': Unable to read JSObject")]
    [InlineData("""{"start": "x"}""", "'start' parameter: Type is 'str', but 'bool' is expected")]
    [InlineData("""{"start": 1}""", "'start' parameter: Type is 'int', but 'bool' is expected")]
    public async Task Reinstall_refuses_values_luxid_cannot_read_and_submits_nothing(string body, string message)
    {
        await using var f = await ServerFixture.StartAsync();
        var instance = (await f.GetAsync("/2/instances")).Json!.AsArray()[0]!["id"]!.ToString();
        var jobsBefore = (await f.GetAsync("/2/jobs")).Json!.AsArray().Count;
        var answer = await f.SendAsync(HttpMethod.Post, $"/2/instances/{instance}/reinstall", "admin", body);
        Assert.Equal(400, answer.Status);
        Assert.Contains(message.Replace("'", "&#x27;", StringComparison.Ordinal), answer.Body, StringComparison.Ordinal);
        Assert.Equal(jobsBefore, (await f.GetAsync("/2/jobs")).Json!.AsArray().Count);
    }

    [Theory]
    [InlineData("""{"maxmem":"abc"}""", "TypeEnforcementError", "'maxmem' (value abc) is not a valid size. error: Invalid format")]
    [InlineData("""{"maxmem":-5}""", "TypeEnforcementError", "'maxmem' (value -5) is not a valid size. error: Invalid format")]
    [InlineData("""{"maxmem":{}}""", "TypeEnforcementError", "'maxmem' (value {}) is not a valid size. error: Invalid format")]
    [InlineData("""{"vcpus":"x"}""", "TypeEnforcementError", "'vcpus' (value x) is not a valid integer")]
    [InlineData("""{"memory":"1G"}""", null, "1024")]
    [InlineData("""{"memory":129.5}""", null, "132")]
    public async Task Backend_sizes_are_parsed_like_utils_ParseUnit(string beparams, string? errorClass, string expected)
    {
        await using var f = await ServerFixture.StartAsync();
        var instance = (await f.GetAsync("/2/instances")).Json!.AsArray()[0]!["id"]!.ToString();
        var job = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, $"/2/instances/{instance}/modify", $$"""{"beparams":{{beparams}}}"""));
        if (errorClass is not null)
        {
            Assert.Equal("error", job["status"]!.ToString());
            Assert.Equal(errorClass, job["opresult"]![0]![0]!.ToString());
            Assert.Equal(expected, job["opresult"]![0]![1]![0]!.ToString());
            return;
        }
        Assert.Equal("success", job["status"]!.ToString());
        Assert.Equal(expected, (await f.GetAsync($"/2/instances/{instance}")).Json!["beparams"]!["maxmem"]!.ToJsonString());
    }

    [Theory]
    [InlineData("/2/modify", """{"hvparams":{"zzz":{"a":1}}}""", "HypervisorError", "Unknown hypervisor type 'zzz'")]
    [InlineData("/2/modify", """{"hvparams":{"fake":{"zzz":1}}}""", "TypeEnforcementError", "Unknown parameter 'zzz'")]
    [InlineData("/2/modify", """{"diskparams":{"plain":{"zzz":1}}}""", "TypeEnforcementError", "Unknown parameter 'zzz'")]
    [InlineData("/2/modify", """{"os_hvp":{"fq":{"fake":{"x":1}}}}""", "TypeEnforcementError", "Unknown parameter 'x'")]
    [InlineData("/2/modify", """{"ipolicy":{"pm":1}}""", "OpPrereqError", "Invalid key in new ipolicy: pm")]
    [InlineData("/2/groups/default/modify", """{"ipolicy":{"n":87}}""", "OpPrereqError", "Invalid key in new ipolicy: n")]
    [InlineData("/2/groups/default/modify", """{"ndparams":{"f014":"8K"}}""", "TypeEnforcementError", "Unknown parameter 'f014'")]
    public async Task Parameter_map_keys_are_checked_like_Ganeti(string path, string body, string errorClass, string message)
    {
        // Seen on a live 3.0.2 (dry-run jobs); without these checks a fuzz run grew the group list past 64 MiB.
        await using var f = await ServerFixture.StartAsync();
        var before = (await f.GetAsync("/2/info")).Body;
        var job = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, path, body));
        Assert.Equal("error", job["status"]!.ToString());
        Assert.Equal(errorClass, job["opresult"]![0]![0]!.ToString());
        Assert.Equal(message, job["opresult"]![0]![1]![0]!.ToString());
        Assert.Equal(before, (await f.GetAsync("/2/info")).Body);
    }

    [Theory]
    [InlineData("""{"diskparams":{"zzz":{}}}""", "OP_CLUSTER_SET_PARAMS.diskparams")]
    [InlineData("""{"nicparams":{"x":"y"}}""", "OP_CLUSTER_SET_PARAMS.nicparams")]
    public async Task Map_keys_outside_the_opcode_enum_are_refused_at_submission(string body, string parameter)
    {
        await using var f = await ServerFixture.StartAsync();
        var answer = await f.SendAsync(HttpMethod.Put, "/2/modify", "admin", body);
        Assert.Equal(400, answer.Status);
        Assert.Contains($"Parameter &#x27;{parameter}&#x27; fails validation", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_refuse_a_missing_body_like_Ganeti()
    {
        await using var f = await ServerFixture.StartAsync();
        var answer = await f.SendAsync(HttpMethod.Post, "/2/filters", "admin");
        Assert.Equal(400, answer.Status);
        Assert.Contains("Invalid body contents, not a dictionary", answer.Body, StringComparison.Ordinal);
        Assert.Equal(400, (await f.SendAsync(HttpMethod.Post, "/2/filters", "admin", "[1]")).Status);
    }

    [Fact]
    public async Task Instance_info_has_LUInstanceQueryData_members()
    {
        await using var f = await ServerFixture.StartAsync();
        var instance = (await f.GetAsync("/2/instances")).Json!.AsArray()[0]!["id"]!.ToString();
        var job = await f.WaitForJobAsync((await f.GetAsync($"/2/instances/{instance}/info?static=1")).Json!.GetValue<long>());
        var info = job["opresult"]![0]![instance]!.AsObject();
        foreach (var member in new[] { "pnode_group_uuid", "pnode_group_name", "snodes_group_uuids", "snodes_group_names",
                     "hv_instance", "be_instance", "os_instance", "serial_no" })
        {
            Assert.True(info.ContainsKey(member), member);
        }
        var nic = Assert.IsType<JsonArray>(info["nics"]![0]);
        Assert.Equal(9, nic.Count);
        Assert.False(info["be_actual"]!.AsObject().ContainsKey("memory"));
        Assert.False(info["hv_actual"]!.AsObject().ContainsKey("migration_mode"));
    }
}
