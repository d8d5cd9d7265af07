using RapiConformance.Server.Faults;

namespace RapiConformance.Server.Tests;

/// <summary>Each fault of the catalog, planted alone, changes what a probe sees; the same probe passes without it.</summary>
public sealed class FaultCatalogTests
{
    /// <summary>A probe returns true when the server behaves correctly.</summary>
    private static readonly Dictionary<string, Func<ServerFixture, Task<bool>>> Probes = new()
    {
        [FaultIds.DropField] = async f => (await f.GetAsync("/2/instances/inst1.ganeti.test")).Body.Contains("\"status\"", StringComparison.Ordinal),
        [FaultIds.WrongType] = async f => (await f.GetAsync("/2/nodes/node1.ganeti.test")).Json!["mtotal"]!.GetValueKind() == System.Text.Json.JsonValueKind.Number,
        [FaultIds.WrongStatus] = async f => (await f.SendAsync(HttpMethod.Put, "/2/tags?tag=p", "admin")).Status == 200,
        [FaultIds.InvalidInputAccepted] = async f => (await f.SendAsync(HttpMethod.Put, "/2/tags?tag=p", "admin", "{oops")).Status == 400,
        [FaultIds.LostJob] = async f => await AllFinishAsync(f, 5),
        [FaultIds.StuckJob] = async f => await AllFinishAsync(f, 4),
        [FaultIds.WrongContentType] = async f => (await f.GetAsync("/version")).ContentType == "application/json",
        [FaultIds.NoWwwAuthenticate] = async f => (await f.SendAsync(HttpMethod.Put, "/2/tags?tag=p")).WwwAuthenticate.Length > 0,
        [FaultIds.ReadOnlyCanWrite] = async f => (await f.SendAsync(HttpMethod.Put, "/2/tags?tag=p", "reader")).Status == 403,
        [FaultIds.NonAsciiName500] = async f => (await f.GetAsync("/2/instances/%C3%A9")).Status == 404,
        [FaultIds.SlowResponse] = async f =>
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            await f.GetAsync("/version");
            return sw.Elapsed < TimeSpan.FromSeconds(1.2);
        },
        [FaultIds.TruncatedBody] = async f => IsJson((await f.GetAsync("/2/instances?bulk=1")).Body),
        [FaultIds.DryRunChanges] = async f =>
        {
            await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/tags?tag=dryprobe&dry-run=1"));
            return !(await f.GetAsync("/2/tags")).Body.Contains("dryprobe", StringComparison.Ordinal);
        },
        [FaultIds.BulkDisagrees] = async f =>
            (await f.GetAsync("/2/instances")).Json!.AsArray().Count == (await f.GetAsync("/2/instances?bulk=1")).Json!.AsArray().Count,
        [FaultIds.StatusBackwards] = async f => await AllFinishAsync(f, 3),
        [FaultIds.NegativeMemoryAccepted] = async f =>
            (await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/instances/inst1.ganeti.test/modify", """{"beparams":{"maxmem":-1}}""")))["status"]!.ToString() == "error",
        [FaultIds.UnknownBodyMemberAccepted] = async f => (await f.SendAsync(HttpMethod.Put, "/2/groups/default/modify", "admin", """{"bogus":1}""")).Status == 400,
        [FaultIds.RenameStateWrong] = async f =>
        {
            await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/instances/inst3.ganeti.test/shutdown"));
            await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, "/2/instances/inst3.ganeti.test/rename", """{"new_name":"probe.ganeti.test"}"""));
            return (await f.GetAsync("/2/instances/inst3.ganeti.test")).Status == 404;
        },
        [FaultIds.JobIdString] = async f => !(await f.SendAsync(HttpMethod.Put, "/2/tags?tag=p", "admin")).Body.StartsWith('"'),
        [FaultIds.UnescapedErrorMessage] = async f => (await f.GetAsync("/2/instances?bulk=x")).Body.Contains("&#x27;", StringComparison.Ordinal),
        [FaultIds.Error405] = async f => (await f.SendAsync(HttpMethod.Delete, "/version")).Status == 501,
    };

    public static IEnumerable<object[]> Faults => FaultCatalog.All.Select(f => new object[] { f.Id });

    [Fact]
    public void Every_fault_has_a_probe() => Assert.All(FaultCatalog.All, f => Assert.True(Probes.ContainsKey(f.Id), f.Id));

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Fault_is_visible_only_when_planted(string id)
    {
        await using (var clean = await ServerFixture.StartAsync())
            Assert.True(await Probes[id](clean), $"the probe for {id} fails on a clean server");
        await using var faulty = await ServerFixture.StartAsync(o => o with { Faults = [id] });
        Assert.False(await Probes[id](faulty), $"planting {id} changes nothing the probe sees");
    }

    private static async Task<bool> AllFinishAsync(ServerFixture f, int count)
    {
        var ids = new List<long>();
        for (var k = 0; k < count; k++) ids.Add(await f.SubmitAsync(HttpMethod.Put, $"/2/tags?tag=a{k}"));
        await Task.Delay(400);
        foreach (var id in ids)
        {
            var status = (await f.GetAsync($"/2/jobs/{id}")).Json!["status"]!.ToString();
            if (status != "success") return false;
        }
        return true;
    }

    private static bool IsJson(string text)
    {
        try
        {
            System.Text.Json.JsonDocument.Parse(text).Dispose();
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
