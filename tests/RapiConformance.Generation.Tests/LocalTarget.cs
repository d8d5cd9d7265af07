using RapiConformance.Client;
using RapiConformance.Generation.Http;
using RapiConformance.Server;
using RapiConformance.Spec;

namespace RapiConformance.Generation.Tests;

/// <summary>The reference server on a free loopback port (plain HTTP, a write user), with the harness client the fuzzer sends through.</summary>
internal sealed class LocalTarget : IAsyncDisposable
{
    public const string User = "fuzzer";
    public const string Password = "fuzz-secret";

    private readonly string _dir;

    private LocalTarget(ReferenceServer server, string dir)
    {
        Server = server;
        _dir = dir;
        Sender = FuzzClient.Create(server.BaseUri, new Credentials(User, Password), timeout: TimeSpan.FromSeconds(30));
    }

    public ReferenceServer Server { get; }

    public RapiClient Sender { get; }

    public static async Task<LocalTarget> StartAsync(IReadOnlyList<string> faults, Profile? profile = null, CancellationToken cancellationToken = default)
    {
        var dir = Directory.CreateTempSubdirectory("rapi-fuzz-").FullName;
        var users = Path.Combine(dir, "users");
        await File.WriteAllTextAsync(users, $"{User} {Password} write\n", cancellationToken);
        var server = await ReferenceServer.StartAsync(new ServerOptions
        {
            Profile = profile ?? Profile.V3_0, Bind = "127.0.0.1", Port = 0, UseTls = false, UsersFile = users,
            StateDirectory = null, Nodes = 3, Instances = 10, Seed = 1, Faults = faults,
        }, cancellationToken);
        return new LocalTarget(server, dir);
    }

    public async ValueTask DisposeAsync()
    {
        Sender.Dispose();
        await Server.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
