using RapiConformance.Server.Faults;

namespace RapiConformance.Server.Tests;

public sealed class FaultTests
{
    [Fact]
    public void Catalog_has_unique_ids_and_at_least_fifteen_faults()
    {
        Assert.True(FaultCatalog.All.Count >= 15);
        Assert.Equal(FaultCatalog.All.Count, FaultCatalog.All.Select(f => f.Id).Distinct().Count());
        Assert.Throws<ArgumentException>(() => new FaultSet(["no-such-fault"]));
    }

    [Fact]
    public async Task Planted_faults_change_behaviour_and_only_when_planted()
    {
        await using var f = await ServerFixture.StartAsync(o => o with
        {
            Faults = [FaultIds.NoWwwAuthenticate, FaultIds.NonAsciiName500, FaultIds.Error405, FaultIds.UnknownBodyMemberAccepted, FaultIds.DropField],
        });
        Assert.Equal("", (await f.SendAsync(HttpMethod.Put, "/2/tags?tag=x")).WwwAuthenticate);
        Assert.Equal(500, (await f.GetAsync("/2/instances/n%C3%A9e")).Status);
        Assert.Equal(405, (await f.SendAsync(HttpMethod.Delete, "/version")).Status);
        Assert.Equal(200, (await f.SendAsync(HttpMethod.Put, "/2/groups/default/modify", "admin", """{"no_such":1}""")).Status);
        Assert.DoesNotContain("\"status\"", (await f.GetAsync("/2/instances/inst1.ganeti.test")).Body, StringComparison.Ordinal);

        await using var clean = await ServerFixture.StartAsync();
        Assert.NotEqual("", (await clean.SendAsync(HttpMethod.Put, "/2/tags?tag=x")).WwwAuthenticate);
        Assert.Equal(404, (await clean.GetAsync("/2/instances/n%C3%A9e")).Status);
        Assert.Equal(400, (await clean.SendAsync(HttpMethod.Put, "/2/groups/default/modify", "admin", """{"no_such":1}""")).Status);
    }

    [Fact]
    public async Task Fuzzer_faults_negative_memory_and_rename_state()
    {
        const string body = """{"beparams":{"maxmem":-512,"minmem":-512}}""";
        await using (var clean = await ServerFixture.StartAsync())
        {
            var job = await clean.WaitForJobAsync(await clean.SubmitAsync(HttpMethod.Put, "/2/instances/inst1.ganeti.test/modify", body));
            Assert.Equal("error", job["status"]!.ToString());
            Assert.Equal("TypeEnforcementError", job["opresult"]![0]![0]!.ToString());
        }
        await using var f = await ServerFixture.StartAsync(o => o with { Faults = [FaultIds.NegativeMemoryAccepted, FaultIds.RenameStateWrong] });
        var accepted = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/instances/inst1.ganeti.test/modify", body));
        Assert.Equal("success", accepted["status"]!.ToString());
        Assert.Contains("\"maxmem\":-512", (await f.GetAsync("/2/instances/inst1.ganeti.test")).Body, StringComparison.Ordinal);

        await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/instances/inst2.ganeti.test/shutdown"));
        await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/instances/inst2.ganeti.test/rename", """{"new_name":"renamed.ganeti.test"}"""));
        Assert.Equal(200, (await f.GetAsync("/2/instances/renamed.ganeti.test")).Status);
        Assert.Equal(200, (await f.GetAsync("/2/instances/inst2.ganeti.test")).Status);
    }

    [Fact]
    public async Task Stuck_and_lost_jobs_never_finish()
    {
        await using var f = await ServerFixture.StartAsync(o => o with { Faults = [FaultIds.LostJob] });
        var ids = new List<long>();
        for (var k = 0; k < 5; k++) ids.Add(await f.SubmitAsync(HttpMethod.Put, $"/2/tags?tag=l{k}"));
        var lost = ids.Single(i => i % 5 == 0);
        await f.WaitForJobAsync(ids.First(i => i != lost));
        await Task.Delay(300);
        Assert.Contains("\"status\":\"queued\"", (await f.GetAsync($"/2/jobs/{lost}")).Body, StringComparison.Ordinal);
    }
}
