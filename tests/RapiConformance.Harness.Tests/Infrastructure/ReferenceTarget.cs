using System.Security.Cryptography;
using System.Text;
using RapiConformance.Checks;
using RapiConformance.Client;
using RapiConformance.Runner;
using RapiConformance.Server;
using RapiConformance.Spec;

namespace RapiConformance.Harness.Tests;

/// <summary>The reference server started in-process on a free loopback port, with a writer, reader, option-less and {HA1} user.</summary>
public sealed class ReferenceTarget : IAsyncDisposable
{
    private readonly DirectoryInfo _scratch;

    private ReferenceTarget(ReferenceServer server, DirectoryInfo scratch, Profile profile)
    {
        Server = server;
        _scratch = scratch;
        Profile = profile;
    }

    public ReferenceServer Server { get; }
    public Profile Profile { get; }
    public Uri BaseUri => Server.BaseUri;

    /// <summary>The server's self-signed certificate (PEM) when it runs with TLS.</summary>
    public string CertificateFile => Path.Combine(Server.StateDirectory, "rapi-cert.pem");

    public static readonly Credentials Writer = new("writer", "w-" + Secret);
    public static readonly Credentials Reader = new("reader", "r-" + Secret);
    public static readonly Credentials Plain = new("plain", "p-" + Secret);
    public static readonly Credentials Ha1 = new("hauser", "h-" + Secret);
    private const string Secret = "Zq83kfa0";

    public static async Task<ReferenceTarget> StartAsync(Profile profile, IReadOnlyList<string>? faults = null, int seed = 1, bool tls = false)
    {
        var scratch = Directory.CreateTempSubdirectory("rc-harness-test-");
#pragma warning disable CA5351 // Ganeti's {HA1} format is MD5 by definition.
        var hash = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes($"{Ha1.User}:Ganeti Remote API:{Ha1.Password}"))).ToLowerInvariant();
#pragma warning restore CA5351
        var users = Path.Combine(scratch.FullName, "users");
        await File.WriteAllTextAsync(users, $"{Writer.User} {Writer.Password} write\n{Reader.User} {Reader.Password} read\n{Plain.User} {Plain.Password}\n{Ha1.User} {{HA1}}{hash} read\n");
        var server = await ReferenceServer.StartAsync(new ServerOptions
        {
            Profile = profile,
            Bind = "127.0.0.1",
            Port = 0,
            UseTls = tls,
            UsersFile = users,
            StateDirectory = Path.Combine(scratch.FullName, "state"),
            Nodes = 3,
            Instances = 6,
            Seed = seed,
            Faults = faults ?? [],
        });
        return new ReferenceTarget(server, scratch, profile);
    }

    public RunOptions Options(Suite suite, Uri? through = null, Profile? profile = null) => new()
    {
        Client = new RapiClientOptions { BaseUri = through ?? BaseUri, Credentials = Writer },
        Suite = suite,
        Profile = profile ?? Profile,
        Seed = 7,
        Users = new TargetUsers { Reader = Reader, Plain = Plain, Ha1 = Ha1 },
    };

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try { _scratch.Delete(true); } catch (IOException) { }
    }
}
