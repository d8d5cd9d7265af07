using System.Text.Json.Nodes;

namespace RapiConformance.Server.Tests;

/// <summary>The drain flag and the queue size limit refuse submissions with Ganeti's error bodies and store nothing.</summary>
public sealed class QueueLimitTests
{
    [Fact]
    public async Task Drained_queue_answers_500_Queue_drained_and_stores_nothing()
    {
        await using var f = await ServerFixture.StartAsync(o => o with { QueueDrained = true });
        var before = (await f.GetAsync("/2/jobs", "reader")).Body;
        var lastId = f.Server.Services.Jobs.LastId;
        var a = await f.SendAsync(HttpMethod.Put, "/2/tags?tag=drained", "admin");
        Assert.Equal(500, a.Status);
        AssertBody("""{"code": 500, "message": "Queue drained", "explain": "Server got itself in trouble"}""", a.Body);
        // Checks of the request come before the submission, as in Ganeti.
        Assert.Equal(400, (await f.SendAsync(HttpMethod.Put, "/2/instances/inst1.ganeti.test/modify", "admin", "{\"nosuch\":1}")).Status);
        Assert.Equal(lastId, f.Server.Services.Jobs.LastId);
        Assert.Equal(before, (await f.GetAsync("/2/jobs", "reader")).Body);
        Assert.DoesNotContain("drained", (await f.GetAsync("/2/tags")).Body, StringComparison.Ordinal);

        f.Server.Services.Jobs.Drained = false;
        var job = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/tags?tag=undrained"));
        Assert.Equal("success", job["status"]!.ToString());
        Assert.Empty(f.ValidationErrors);
    }

    [Fact]
    public async Task Full_queue_answers_503_until_jobs_are_archived()
    {
        await using var f = await ServerFixture.StartAsync(o => o with { QueueLimit = 3, KeepFinalizedJobs = 2 });
        // Two finished jobs stay listed (not archived) and count against the limit.
        for (var i = 0; i < 2; i++) await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, $"/2/tags?tag=t{i}"));
        var third = await f.SubmitAsync(HttpMethod.Put, "/2/tags?tag=t2");
        await f.WaitForJobAsync(third);
        // The third finished job archived the first: two held, one more fits.
        for (var i = 0; i < 200 && f.Server.Services.Jobs.Held != 2; i++) await Task.Delay(10);
        Assert.Equal(2, f.Server.Services.Jobs.Held);
        await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/tags?tag=t3"));

        await using var slow = await ServerFixture.StartAsync(o => o with { QueueLimit = 2, JobWorkers = 1, JobRunTime = TimeSpan.FromSeconds(2) });
        var lastId = slow.Server.Services.Jobs.LastId;
        await slow.SubmitAsync(HttpMethod.Put, "/2/tags?tag=a");
        await slow.SubmitAsync(HttpMethod.Put, "/2/tags?tag=b");
        var full = await slow.SendAsync(HttpMethod.Put, "/2/tags?tag=c", "admin");
        Assert.Equal(503, full.Status);
        AssertBody("""{"code": 503, "message": "Job queue is full, needs archiving", "explain": "The server cannot process the request due to a high load"}""", full.Body);
        Assert.Equal(lastId + 2, slow.Server.Services.Jobs.LastId);
        var jobs = JsonNode.Parse((await slow.GetAsync("/2/jobs", "reader")).Body)!.AsArray();
        Assert.Equal(2, jobs.Count);
        Assert.Equal(2, slow.Server.Services.Jobs.Held);
        Assert.Empty(f.ValidationErrors);
        Assert.Empty(slow.ValidationErrors);
    }

    private static void AssertBody(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), actual);
}
