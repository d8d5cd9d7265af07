using System.Text.Json.Nodes;

namespace RapiConformance.Server.Tests;

/// <summary>Export checks what LUBackupExport checks, in its order (arguments, names, prerequisites), with its words.</summary>
public sealed class ExportTests
{
    private static async Task<(string? Class, string? Message, string? Code, string Status)> ExportAsync(ServerFixture f, string instance, string body)
    {
        var job = await f.WaitForJobAsync(await f.SubmitAsync(HttpMethod.Put, $"/2/instances/{instance}/export", body));
        if (job["status"]!.ToString() == "success") return (null, null, null, "success");
        var r = job["opresult"]![0]!;
        return (r[0]!.ToString(), r[1]![0]!.ToString(), r[1]!.AsArray().Count > 1 ? r[1]![1]!.ToString() : null, job["status"]!.ToString());
    }

    [Fact]
    public async Task Export_refuses_what_Ganeti_refuses_and_removes_only_when_asked()
    {
        await using var f = await ServerFixture.StartAsync();
        var instances = JsonNode.Parse((await f.GetAsync("/2/instances?bulk=1", "reader")).Body)!.AsArray();
        var up = instances.First(i => i!["admin_state"]!.ToString() == "up")!["name"]!.ToString();
        var node = instances.First(i => i!["name"]!.ToString() == up)!["pnode"]!.ToString();
        var other = JsonNode.Parse((await f.GetAsync("/2/nodes", "reader")).Body)!.AsArray().Select(n => n!["id"]!.ToString()).First(n => n != node);

        Assert.Equal(("OpPrereqError", "Missing X509 key name for encryption", "wrong_input", "error"),
            await ExportAsync(f, up, """{"mode":"remote","target_node":[]}"""));
        Assert.Equal(("OpPrereqError", "Zeroing free space does not make sense unless compression is used", null, "error"),
            await ExportAsync(f, up, $$"""{"mode":"local","target_node":"{{other}}","zero_free_space":true}"""));
        Assert.Equal(("OpPrereqError", "Instance 'nosuch.example.com' not known", "unknown_entity", "error"),
            await ExportAsync(f, "nosuch.example.com", $$"""{"mode":"local","target_node":"{{other}}"}"""));
        Assert.Equal(("OpPrereqError", "Node 'nosuch.node' not known", "unknown_entity", "error"),
            await ExportAsync(f, up, """{"mode":"local","target_node":"nosuch.node"}"""));
        Assert.Equal(("OpPrereqError", "Can not remove instance without shutting it down before", "wrong_state", "error"),
            await ExportAsync(f, up, $$"""{"mode":"local","target_node":"{{other}}","remove_instance":true,"shutdown":false}"""));
        Assert.Equal(("OpPrereqError", "The long sleep option only makes sense when the instance can be shut down.", "wrong_input", "error"),
            await ExportAsync(f, up, $$"""{"mode":"local","target_node":"{{other}}","long_sleep":true,"shutdown":false}"""));
        var remote = await ExportAsync(f, up, """{"mode":"remote","target_node":[],"x509_key_name":["k","h","s"],"destination_x509_ca":"ca"}""");
        Assert.Equal("wrong_input", remote.Code);

        Assert.Equal("success", (await ExportAsync(f, up, $$"""{"mode":"local","target_node":"{{other}}"}""")).Status);
        Assert.Equal(200, (await f.GetAsync($"/2/instances/{up}", "reader")).Status);
        Assert.Equal("success", (await ExportAsync(f, up, $$"""{"mode":"local","target_node":"{{other}}","remove_instance":true}""")).Status);
        Assert.Equal(404, (await f.GetAsync($"/2/instances/{up}", "reader")).Status);
        Assert.Empty(f.ValidationErrors);
    }
}
