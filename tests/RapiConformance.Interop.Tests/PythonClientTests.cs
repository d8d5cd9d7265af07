using RapiConformance.Server;
using Xunit.Abstractions;

namespace RapiConformance.Interop.Tests;

/// <summary>Ganeti's official Python client (python3-ganeti-rapi) drives the server over HTTPS.</summary>
public sealed class PythonClientTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Interop")]
    public async Task Official_python_client_runs_a_realistic_scenario_over_https()
    {
        Assert.True(File.Exists("/usr/lib/python3/dist-packages/ganeti/rapi/client.py"), "install python3-ganeti-rapi (apt-get install -y python3-ganeti-rapi)");
        var dir = External.TempDir();
        var users = Path.Combine(dir, "users");
        await File.WriteAllTextAsync(users, "admin adminpw write\n");
        await using var server = await ReferenceServer.StartAsync(new ServerOptions
        {
            Bind = "127.0.0.1", Port = 0, UseTls = true, StateDirectory = dir, UsersFile = users, Nodes = 4, Instances = 10, Seed = 7,
        });
        Assert.Equal("https", server.BaseUri.Scheme);
        var script = Path.Combine(AppContext.BaseDirectory, "scripts", "scenario.py");
        var (code, text) = await External.RunAsync("/usr/bin/python3",
            [script, "127.0.0.1", server.BaseUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "admin", "adminpw"],
            TimeSpan.FromMinutes(3));
        output.WriteLine(text);
        Assert.True(code == 0, text);
        Assert.Contains("scenario passed", text, StringComparison.Ordinal);
    }
}
