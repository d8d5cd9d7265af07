using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace RapiConformance.Server.Tests;

/// <summary>State and jobs survive a restart, and a SIGKILL loses no job whose id was returned.</summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task State_and_jobs_survive_a_restart()
    {
        var dir = Path.Combine(Path.GetTempPath(), "rapi-restart-" + Guid.NewGuid().ToString("N")[..8]);
        long id;
        await using (var f = await ServerFixture.StartAsync(stateDir: dir))
        {
            id = await f.SubmitAsync(HttpMethod.Put, "/2/instances/inst1.ganeti.test/tags?tag=kept");
            await f.WaitForJobAsync(id);
            var filter = await f.SendAsync(HttpMethod.Post, "/2/filters", "admin", """{"priority":5}""");
            Assert.Equal(200, filter.Status);
            File.WriteAllText(Path.Combine(dir, "filter"), filter.Json!.ToString());
        }
        await using (var g = await ServerFixture.StartAsync(stateDir: dir))
        {
            Assert.Equal("success", (await g.WaitForJobAsync(id))["status"]!.ToString());
            Assert.Contains("kept", (await g.GetAsync("/2/instances/inst1.ganeti.test/tags")).Body, StringComparison.Ordinal);
            var uuid = File.ReadAllText(Path.Combine(dir, "filter"));
            Assert.Equal(200, (await g.GetAsync($"/2/filters/{uuid}")).Status);
            var next = await g.SubmitAsync(HttpMethod.Put, "/2/tags?tag=after");
            Assert.True(next > id);
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Sigkill_loses_no_acknowledged_job_and_no_half_applied_change()
    {
        var dll = FindCli();
        var dir = Path.Combine(Path.GetTempPath(), "rapi-kill-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var users = Path.Combine(dir, "users");
        File.WriteAllText(users, "admin adminpw write\n");
        var acknowledged = new ConcurrentDictionary<long, string>();
        try
        {
            var port = FreePort();
            using (var child = StartChild(dll, dir, users, port))
            {
                using var http = Client(port);
                await WaitReadyAsync(http);
                using var stop = new CancellationTokenSource();
                var clients = Enumerable.Range(0, 6).Select(c => Task.Run(async () =>
                {
                    for (var k = 0; !stop.IsCancellationRequested; k++)
                    {
                        var name = $"k{c}x{k}";
                        try
                        {
                            using var response = k % 3 == 0
                                ? await http.PostAsync("/2/instances", Json($$"""{"__version__":1,"mode":"create","name":"{{name}}.ganeti.test","disk_template":"diskless","disks":[],"nics":[{}],"beparams":{"memory":128},"start":false}"""))
                                : await http.PutAsync($"/2/tags?tag={name}", null);
                            if (response.IsSuccessStatusCode) acknowledged[long.Parse(await response.Content.ReadAsStringAsync(), System.Globalization.CultureInfo.InvariantCulture)] = name;
                        }
                        catch (HttpRequestException)
                        {
                            return;
                        }
                        catch (TaskCanceledException)
                        {
                            return;
                        }
                    }
                })).ToList();
                await Task.Delay(2500);
                child.Kill(); // SIGKILL on Linux
                await child.WaitForExitAsync();
                await stop.CancelAsync();
                await Task.WhenAll(clients);
            }
            Assert.True(acknowledged.Count > 50, $"only {acknowledged.Count} jobs were acknowledged before the kill");

            var port2 = FreePort();
            using var again = StartChild(dll, dir, users, port2);
            try
            {
                using var http2 = Client(port2);
                await WaitReadyAsync(http2);
                var tags = new HashSet<string>();
                foreach (var (id, name) in acknowledged)
                {
                    JsonNode job;
                    var deadline = DateTime.UtcNow.AddSeconds(60);
                    while (true)
                    {
                        job = JsonNode.Parse(await http2.GetStringAsync($"/2/jobs/{id}"))!;
                        Assert.True(job["status"] is not null, $"acknowledged job {id} is lost after SIGKILL");
                        if (job["status"]!.ToString() is "success" or "error" or "canceled" || DateTime.UtcNow > deadline) break;
                        await Task.Delay(50);
                    }
                    Assert.Equal("success", job["status"]!.ToString());
                }
                var clusterTags = JsonNode.Parse(await http2.GetStringAsync("/2/tags"))!.AsArray().Select(t => t!.ToString()).ToHashSet();
                var instances = JsonNode.Parse(await http2.GetStringAsync("/2/instances"))!.AsArray().Select(i => i!["id"]!.ToString()).ToHashSet();
                foreach (var (_, name) in acknowledged)
                    Assert.True(clusterTags.Contains(name) || instances.Contains(name + ".ganeti.test"), $"the change of an acknowledged job ({name}) is missing");
                // Invariants: every instance is counted on exactly one primary node.
                var nodes = JsonNode.Parse(await http2.GetStringAsync("/2/nodes?bulk=1"))!.AsArray();
                Assert.Equal(instances.Count, nodes.Sum(n => n!["pinst_cnt"]!.GetValue<int>()));
            }
            finally
            {
                again.Kill();
                await again.WaitForExitAsync();
            }
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static StringContent Json(string s) => new(s, System.Text.Encoding.UTF8, "application/json");

    private static HttpClient Client(int port)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(20) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("admin:adminpw"u8.ToArray()));
        return http;
    }

    private static Process StartChild(string dll, string dir, string users, int port)
    {
        var psi = new ProcessStartInfo("dotnet", ["exec", dll, "serve", "--no-ssl", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--state", dir, "--users", users, "--nodes", "3", "--instances", "10"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static async Task WaitReadyAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/version")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the server child did not start");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>The CLI built next to this test assembly's configuration (the csproj builds it).</summary>
    internal static string FindCli()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        var config = dir.Parent!.Name;
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RapiConformance.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var dll = Path.Combine(dir!.FullName, "src", "RapiConformance.Cli", "bin", config, "net10.0", "rapi-conformance.dll");
        Assert.True(File.Exists(dll), $"build the CLI first: {dll} is missing");
        return dll;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
    }
}
