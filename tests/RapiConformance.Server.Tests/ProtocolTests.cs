using System.Text.Json.Nodes;

namespace RapiConformance.Server.Tests;

/// <summary>Status codes, headers and error bodies as real Ganeti 3.0 answers them (reference samples).</summary>
public sealed class ProtocolTests
{
    [Fact]
    public async Task Errors_follow_Ganeti_order_and_body()
    {
        await using var f = await ServerFixture.StartAsync();
        var unknown = await f.GetAsync("/2/nonexistent");
        Assert.Equal(404, unknown.Status);
        Assert.Equal("""{"code":404,"message":"Not Found","explain":"Nothing matches the given URI"}""", unknown.Body);
        Assert.Equal("application/json", unknown.ContentType);
        Assert.Equal("Ganeti 3.0.2", unknown.Server);

        // 501 comes before authentication, even without credentials.
        var method = await f.SendAsync(HttpMethod.Delete, "/version");
        Assert.Equal(501, method.Status);
        Assert.Equal("Method DELETE is unsupported for path /version", method.Json!["message"]!.ToString());
        Assert.Equal(501, (await f.SendAsync(HttpMethod.Head, "/version")).Status);

        var noCreds = await f.SendAsync(HttpMethod.Put, "/2/tags?tag=x");
        Assert.Equal(401, noCreds.Status);
        Assert.Equal("Basic realm=\"Ganeti Remote API\"", noCreds.WwwAuthenticate);
        Assert.Equal("No permission -- see authorization schemes", noCreds.Json!["explain"]!.ToString());
        Assert.Equal(401, (await f.SendAsync(HttpMethod.Put, "/2/tags?tag=x", "bogus")).Status);
        Assert.Equal(401, (await f.GetAsync("/2/info", "bogus")).Status);

        var readOnly = await f.SendAsync(HttpMethod.Put, "/2/tags?tag=x", "reader");
        Assert.Equal(403, readOnly.Status);
        Assert.Equal("""{"code":403,"message":"Forbidden","explain":"Request forbidden -- authorization will not help"}""", readOnly.Body);

        // 401/403 come before 415.
        Assert.Equal(403, (await f.SendAsync(HttpMethod.Post, "/2/instances", "reader", "{}", "text/plain")).Status);
        var media = await f.SendAsync(HttpMethod.Post, "/2/instances", "admin", "{\"__version__\":1}", "text/plain");
        Assert.Equal(415, media.Status);
        Assert.Equal("Entity body in unsupported format", media.Json!["explain"]!.ToString());
        Assert.Equal(415, (await f.SendAsync(HttpMethod.Post, "/2/instances", "admin", "{}", "application/json; charset=utf-8")).Status);

        var bad = await f.SendAsync(HttpMethod.Post, "/2/instances", "admin", "{\"__version__\":1, \"mode\": ");
        Assert.Equal(400, bad.Status);
        Assert.Equal("Unable to parse JSON data", bad.Json!["message"]!.ToString());

        var flag = await f.GetAsync("/2/instances?bulk=True");
        Assert.Equal(400, flag.Status);
        Assert.Equal("Invalid value for the &#x27;bulk&#x27; parameter", flag.Json!["message"]!.ToString());
        Assert.Equal(200, (await f.GetAsync("/2/instances?bulk=2")).Status);
        Assert.Empty(f.ValidationErrors);
    }

    [Fact]
    public async Task Anonymous_reads_follow_the_require_authentication_switch()
    {
        await using (var open = await ServerFixture.StartAsync())
        {
            Assert.Equal(200, (await open.GetAsync("/2/info")).Status);
            Assert.Equal(401, (await open.GetAsync("/2/query/instance?fields=name")).Status);
            Assert.Equal(403, (await open.GetAsync("/2/query/instance?fields=name", "plain")).Status);
            Assert.Equal(200, (await open.GetAsync("/2/query/instance?fields=name", "reader")).Status);
            Assert.Equal(200, (await open.GetAsync("/2/info", "ha1user")).Status);
        }
        await using var strict = await ServerFixture.StartAsync(o => o with { RequireAuthentication = true });
        Assert.Equal(401, (await strict.GetAsync("/2/info")).Status);
        Assert.Equal(200, (await strict.GetAsync("/2/info", "plain")).Status);
    }

    [Fact]
    public async Task Bad_input_gets_4xx_with_error_body_and_leaves_state_unchanged()
    {
        await using var f = await ServerFixture.StartAsync();
        var before = (await f.GetAsync("/2/instances?bulk=1")).Body;
        var jobsBefore = (await f.GetAsync("/2/jobs")).Body;
        var cases = new (HttpMethod Method, string Path, string? Body, string Type, int Status, string? Message)[]
        {
            (HttpMethod.Post, "/2/instances", "{\"__version__\":1,", "application/json", 400, "Unable to parse JSON data"),
            (HttpMethod.Post, "/2/instances", "[1,2,3]", "application/json", 400, "Body contents: Type is &#x27;list&#x27;, but &#x27;dict&#x27; is expected"),
            (HttpMethod.Post, "/2/instances", "{\"mode\":\"create\"}", "application/json", 400, "Instance creation request version 0 is no longer supported"),
            (HttpMethod.Post, "/2/instances", "{\"__version__\":2}", "application/json", 400, "Unsupported request data version 2"),
            (HttpMethod.Post, "/2/instances", "{\"__version__\":1,\"mode\":\"create\",\"name\":\"a\",\"disks\":\"notalist\",\"nics\":[]}", "application/json", 400,
                "Invalid body parameters: (&quot;Parameter &#x27;OP_INSTANCE_CREATE.disks&#x27; fails validation&quot;, &#x27;wrong_input&#x27;)"),
            (HttpMethod.Post, "/2/instances", "{\"__version__\":1,\"mode\":\"create\",\"name\":\"a\",\"disks\":[],\"nics\":[],\"no_such\":1}", "application/json", 400,
                "Invalid body parameters: Object OpInstanceCreate doesn&#x27;t support the parameter &#x27;no_such&#x27;"),
            (HttpMethod.Post, "/2/instances", "{\"__version__\":1,\"mode\":\"create\",\"name\":\"a\",\"disks\":[],\"nics\":[],\"dry_run\":true}", "application/json", 400,
                "Can&#x27;t overwrite static parameters {&#x27;dry_run&#x27;}"),
            (HttpMethod.Post, "/2/instances", "{}", "text/plain", 415, null),
            (HttpMethod.Put, "/2/instances/inst1.ganeti.test/modify", "{\"beparams\":\"x\"}", "application/json", 400, null),
            (HttpMethod.Put, "/2/modify", null, "application/json", 400, null),
            (HttpMethod.Put, "/2/nodes/node2.ganeti.test/role", "\"master\"", "application/json", 400, null),
            (HttpMethod.Put, "/2/nodes/node2.ganeti.test/role", "{\"role\":1}", "application/json", 400, null),
            (HttpMethod.Get, "/2/instances/n%C3%A9e.ganeti.test", null, "", 404, null),
            (HttpMethod.Get, "/2/instances/n\u00e9e", null, "", 404, null),
            (HttpMethod.Get, "/2/instances/nosuch.ganeti.test", null, "", 404, null),
            (HttpMethod.Get, "/2/jobs/abc", null, "", 404, null),
            (HttpMethod.Post, "/2/instances", new string('x', 5 * 1024 * 1024), "application/json", 413, null),
            (HttpMethod.Get, "/2/query/instance", null, "", 400, null),
            (HttpMethod.Post, "/2/filters", "{\"uuid\":\"x\"}", "application/json", 400, null),
            (HttpMethod.Post, "/2/filters", "{\"action\":\"O5\"}", "application/json", 400, null),
            (HttpMethod.Post, "/2/instances/inst1.ganeti.test/reboot", "{\"shutdown_timeout\":null}", "application/json", 400,
                "Invalid body parameters: (&quot;Parameter &#x27;OP_INSTANCE_REBOOT.shutdown_timeout&#x27; fails validation&quot;, &#x27;wrong_input&#x27;)"),
            (HttpMethod.Post, "/2/filters", "{\"reason\":[false,1]}", "application/json", 400, null),
            (HttpMethod.Post, "/2/filters", "{\"predicates\":null}", "application/json", 400, null),
            (HttpMethod.Post, "/2/instances-multi-alloc", "{\"instances\":[{\"name\":\"m1\",\"mode\":\"create\",\"nics\":[],\"__proto__\":1}]}", "application/json", 400, null),
            (HttpMethod.Post, "/2/instances-multi-alloc", "{\"instances\":[{\"name\":\"m1\",\"mode\":\"create\",\"nics\":[]}]}", "application/json", 400, null),
        };
        foreach (var (method, path, body, type, status, message) in cases)
        {
            var a = await f.SendAsync(method, path, "admin", body, type);
            Assert.True(status == a.Status, $"{method} {path}: expected {status}, got {a.Status} {a.Body}");
            var json = a.Json!.AsObject();
            Assert.Equal(status, json["code"]!.GetValue<int>());
            Assert.NotNull(json["explain"]);
            if (message is not null) Assert.Equal(message, json["message"]!.ToString());
        }
        Assert.Equal(before, (await f.GetAsync("/2/instances?bulk=1")).Body);
        Assert.Equal(jobsBefore, (await f.GetAsync("/2/jobs")).Body);
        Assert.Empty(f.ValidationErrors);
    }

    [Fact]
    public async Task Every_operation_in_the_spec_has_a_handler_and_reads_validate()
    {
        await using var f = await ServerFixture.StartAsync();
        var paths = new[]
        {
            "/", "/2", "/version", "/2/info", "/2/features", "/2/os", "/2/tags", "/2/instances", "/2/instances?bulk=1",
            "/2/nodes", "/2/nodes?bulk=1", "/2/groups", "/2/groups?bulk=1", "/2/networks", "/2/networks?bulk=1",
            "/2/filters", "/2/filters?bulk=1", "/2/jobs", "/2/jobs?bulk=1", "/2/instances/inst1.ganeti.test",
            "/2/instances/inst1.ganeti.test/tags", "/2/nodes/node1.ganeti.test", "/2/nodes/node1.ganeti.test/role",
            "/2/nodes/node1.ganeti.test/tags", "/2/groups/default", "/2/groups/default/tags", "/2/networks/net1",
            "/2/networks/net1/tags", "/2/query/instance?fields=name,status,be/maxmem,nic.ips,nope", "/2/query/node?fields=name,mtotal,role",
            "/2/query/instance/fields", "/2/query/group/fields?fields=name", "/2/jobs/999999",
        };
        foreach (var p in paths)
        {
            var a = await f.GetAsync(p, "reader");
            Assert.True(a.Status == 200, $"{p}: {a.Status} {a.Body}");
        }
        var running = JsonNode.Parse((await f.GetAsync("/2/query/instance?fields=name,status", "reader")).Body)!["data"]!.AsArray()
            .First(r => r![1]![1]!.ToString() == "running")![0]![1]!.ToString();
        Assert.Equal(200, (await f.GetAsync($"/2/instances/{running}/console", "reader")).Status);
        Assert.Equal(502, (await f.GetAsync("/2/query/nosuch?fields=name", "reader")).Status);
        Assert.Empty(f.ValidationErrors);
    }
}
