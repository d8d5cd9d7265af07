using System.Text.Json.Nodes;

namespace RapiConformance.Server.Tests;

/// <summary>
/// A single request never leaves the server with state it cannot store or load (issue: hostile input never
/// corrupts the reference server's state, items 1 and 2).
/// </summary>
public sealed class HostileStateTests
{
    internal static string Nested(int depth, string leaf = "1") => new string('[', depth) + leaf + new string(']', depth);

    private static string TempDir(string name) => Path.Combine(Path.GetTempPath(), $"rapi-{name}-" + Guid.NewGuid().ToString("N")[..8]);

    [Theory]
    [InlineData("POST", "/2/groups", """{"group_name":"g1","ndparams":{"x":NESTED}}""")]
    [InlineData("PUT", "/2/instances/inst1.ganeti.test/modify", """{"osparams":{"x":NESTED}}""")]
    [InlineData("PUT", "/2/instances/inst1.ganeti.test/modify", """{"hvparams":{"x":NESTED}}""")]
    [InlineData("PUT", "/2/modify", """{"osparams":{"debootstrap":{"x":NESTED}}}""")]
    [InlineData("POST", "/2/filters", """{"predicates":[["jobid",NESTED]]}""")]
    public async Task A_deeply_nested_value_never_bricks_the_state(string method, string path, string template)
    {
        var dir = TempDir("deep");
        try
        {
            // 61 levels inside the body: at the edge of what the body parser takes, as in the probe.
            var body = template.Replace("NESTED", Nested(61), StringComparison.Ordinal);
            await using (var f = await ServerFixture.StartAsync(stateDir: dir))
            {
                var a = await f.SendAsync(new HttpMethod(method), path, "admin", body);
                Assert.True(a.Status is 200 or 400, $"{method} {path}: {a.Status} {a.Body}");
                if (a.Status == 200 && !path.StartsWith("/2/filters", StringComparison.Ordinal))
                {
                    var job = await f.WaitForJobAsync(long.Parse(a.Body, System.Globalization.CultureInfo.InvariantCulture));
                    Assert.True(job["status"]!.ToString() is "success" or "error", job.ToJsonString());
                }
                // The queue carries on: a later cluster-level job runs and ends.
                var next = await f.SubmitAsync(HttpMethod.Put, "/2/tags?tag=after-deep");
                Assert.Equal("success", (await f.WaitForJobAsync(next))["status"]!.ToString());
            }
            // And the state directory still starts, keeps that job, and runs a new one.
            await using (var g = await ServerFixture.StartAsync(stateDir: dir))
            {
                Assert.Contains("after-deep", (await g.GetAsync("/2/tags")).Body, StringComparison.Ordinal);
                var id = await g.SubmitAsync(HttpMethod.Put, "/2/tags?tag=after-restart");
                Assert.Equal("success", (await g.WaitForJobAsync(id))["status"]!.ToString());
            }
        }
        finally
        {
            TryDelete(dir);
        }
    }

    [Fact]
    public async Task A_body_nested_deeper_than_the_limit_is_refused_with_Ganetis_error_body()
    {
        await using var f = await ServerFixture.StartAsync();
        var a = await f.SendAsync(HttpMethod.Post, "/2/groups", "admin",
            """{"group_name":"g1","ndparams":{"x":NESTED}}""".Replace("NESTED", Nested(ServerLimits.MaxBodyDepth), StringComparison.Ordinal));
        Assert.Equal(400, a.Status);
        Assert.Equal(400, a.Json!["code"]!.GetValue<int>());
        Assert.Contains("nest", a.Json!["message"]!.ToString(), StringComparison.OrdinalIgnoreCase);
        // 10,000 levels (the probe's case) stays refused too.
        Assert.Equal(400, (await f.SendAsync(HttpMethod.Post, "/2/groups", "admin", Nested(10_000))).Status);
    }

    [Fact]
    public async Task A_change_that_cannot_be_stored_is_never_visible_and_the_queue_carries_on_when_space_returns()
    {
        var dir = TempDir("full");
        long id;
        try
        {
            await using (var f = await ServerFixture.StartAsync(o => o with { JobRunTime = TimeSpan.FromMilliseconds(800) }, stateDir: dir))
            {
                id = await f.SubmitAsync(HttpMethod.Post, "/2/instances",
                    """{"__version__":1,"mode":"create","name":"full1.ganeti.test","disk_template":"diskless","disks":[],"nics":[{}],"beparams":{"memory":128},"start":false,"osparams":{"blob":"BLOB"}}""".Replace("BLOB", new string('b', 40_000), StringComparison.Ordinal));
                var filtersBefore = ((JsonArray)(await f.GetAsync("/2/filters", "reader")).Json!).Count;
                // The job's end adds a 40 KB entity row, so it needs new pages. The disk fills while the job runs (SQLITE_FULL: "database or disk is full" on every commit that grows the file).
                f.Server.Store.LimitGrowth(0);
                var filter = await f.SendAsync(HttpMethod.Post, "/2/filters", "admin", """{"priority":7,"predicates":[["reason",["=","source","x".padded]]]}""".Replace("\"x\".padded", "\"" + new string('x', 6000) + "\"", StringComparison.Ordinal));
                Assert.Equal(500, filter.Status);
                Assert.Contains("full", filter.Body, StringComparison.OrdinalIgnoreCase);
                Assert.Equal(filtersBefore, ((JsonArray)(await f.GetAsync("/2/filters", "reader")).Json!).Count);
                await Task.Delay(1500);
                // Not stored, so not visible: no instance, and the job has not ended.
                Assert.Equal(404, (await f.GetAsync("/2/instances/full1.ganeti.test", "reader")).Status);
                var running = (JsonObject)JsonNode.Parse((await f.GetAsync($"/2/jobs/{id}", "reader")).Body)!;
                Assert.NotEqual("success", running["status"]!.ToString());

                // Space returns: the job ends in error with a clear message, and the queue runs the next job.
                f.Server.Store.LiftGrowthLimit();
                var job = await f.WaitForJobAsync(id);
                Assert.Equal("error", job["status"]!.ToString());
                Assert.Contains("could not be stored", job["opresult"]!.ToJsonString(), StringComparison.Ordinal);
                Assert.Equal(404, (await f.GetAsync("/2/instances/full1.ganeti.test", "reader")).Status);
                var next = await f.SubmitAsync(HttpMethod.Put, "/2/tags?tag=space-returned");
                Assert.Equal("success", (await f.WaitForJobAsync(next))["status"]!.ToString());
                Assert.Equal(200, (await f.SendAsync(HttpMethod.Post, "/2/filters", "admin", """{"priority":8}""")).Status);
            }
            // Memory and disk agreed: after a restart the job is still the same error and nothing half-applied shows.
            await using (var g = await ServerFixture.StartAsync(stateDir: dir))
            {
                var job = await g.WaitForJobAsync(id);
                Assert.Equal("error", job["status"]!.ToString());
                Assert.Equal(404, (await g.GetAsync("/2/instances/full1.ganeti.test", "reader")).Status);
                Assert.Contains("space-returned", (await g.GetAsync("/2/tags")).Body, StringComparison.Ordinal);
            }
        }
        finally
        {
            TryDelete(dir);
        }
    }

    [Fact]
    public async Task A_cancellation_that_cannot_be_stored_is_not_made_and_the_job_runs()
    {
        var dir = TempDir("cancel");
        try
        {
            long second;
            await using (var f = await ServerFixture.StartAsync(o => o with { JobWorkers = 1, JobRunTime = TimeSpan.FromMilliseconds(800) }, stateDir: dir))
            {
                await f.SubmitAsync(HttpMethod.Put, "/2/tags?tag=one");
                second = await f.SubmitAsync(HttpMethod.Put, "/2/tags?tag=two");
                f.Server.Store.FailNextCommit("disk I/O error (injected)");
                var cancel = await f.SendAsync(HttpMethod.Delete, $"/2/jobs/{second}", "admin");
                Assert.Equal(200, cancel.Status);
                Assert.StartsWith($"[false,\"Job {second} could not be canceled", cancel.Body, StringComparison.Ordinal);
                // Not stored, so not made: the job stays queued and runs.
                Assert.Equal("success", (await f.WaitForJobAsync(second))["status"]!.ToString());
                Assert.Contains("two", (await f.GetAsync("/2/tags")).Body, StringComparison.Ordinal);
            }
            await using (var g = await ServerFixture.StartAsync(stateDir: dir))
            {
                Assert.Equal("success", (await g.WaitForJobAsync(second))["status"]!.ToString());
                Assert.Contains("two", (await g.GetAsync("/2/tags")).Body, StringComparison.Ordinal);
            }
        }
        finally
        {
            TryDelete(dir);
        }
    }

    [Fact]
    public async Task A_job_that_will_be_canceled_is_canceled_after_a_restart_not_run()
    {
        var dir = TempDir("canceling");
        try
        {
            long id;
            await using (var f = await ServerFixture.StartAsync(o => o with { JobWorkers = 1, JobRunTime = TimeSpan.FromSeconds(20) }, stateDir: dir))
            {
                id = await f.SubmitAsync(HttpMethod.Put, "/2/tags?tag=never");
                var deadline = DateTime.UtcNow.AddSeconds(10);
                while ((await f.GetAsync($"/2/jobs/{id}", "reader")).Json!["status"]!.ToString() != "waiting" && DateTime.UtcNow < deadline)
                    await Task.Delay(20);
                var cancel = await f.SendAsync(HttpMethod.Delete, $"/2/jobs/{id}", "admin");
                Assert.Equal($"[true,\"Job {id} will be canceled\"]", cancel.Body);
            }
            // Stopped while the job waited: what was acknowledged ("will be canceled") holds after the restart.
            await using (var g = await ServerFixture.StartAsync(stateDir: dir))
            {
                Assert.Equal("canceled", (await g.WaitForJobAsync(id))["status"]!.ToString());
                Assert.DoesNotContain("never", (await g.GetAsync("/2/tags")).Body, StringComparison.Ordinal);
            }
        }
        finally
        {
            TryDelete(dir);
        }
    }

    [Fact]
    public async Task A_truncated_state_database_is_refused_not_replaced_by_a_fresh_cluster()
    {
        var dir = TempDir("zero");
        try
        {
            Directory.CreateDirectory(dir);
            await File.WriteAllBytesAsync(Path.Combine(dir, "rapi-state.db"), []);
            var e = await Assert.ThrowsAsync<InvalidDataException>(async () => await ServerFixture.StartAsync(stateDir: dir));
            Assert.Contains("0 bytes", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            TryDelete(dir);
        }
    }

    internal static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
