using RapiConformance.Server;
using RapiConformance.Spec;

namespace RapiConformance.Benchmarks;

/// <summary>A reference server on a free loopback port with a fresh state directory, plain HTTP, one write user.</summary>
public sealed class ReferenceServerFixture : IAsyncDisposable
{
    private readonly string _dir;

    private ReferenceServerFixture(ReferenceServer server, string dir)
    {
        Server = server;
        _dir = dir;
    }

    public ReferenceServer Server { get; }
    public Uri BaseUri => Server.BaseUri;

    /// <summary>Nodes scale with instances (one node per 100 instances, at least 3), as a real cluster would.</summary>
    public static int NodesFor(int instances) => Math.Max(3, instances / 100);

    public static async Task<ReferenceServerFixture> StartAsync(int instances, int jobWorkers = 2, bool filterRequestTargets = true)
    {
        var dir = Directory.CreateTempSubdirectory("rapi-bench-").FullName;
        var server = await ReferenceServer.StartAsync(new ServerOptions
        {
            Profile = Profile.V3_0,
            Bind = "127.0.0.1",
            Port = 0,
            UseTls = false,
            StateDirectory = Path.Combine(dir, "state"),
            UsersFile = BenchHttp.UsersFile(dir),
            Nodes = NodesFor(instances),
            Instances = instances,
            Seed = 1,
            JobWorkers = jobWorkers,
            FilterRequestTargets = filterRequestTargets,
        });
        return new ReferenceServerFixture(server, dir);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }
}
