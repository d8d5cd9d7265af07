using RapiConformance.Differential;
using Xunit;

namespace RapiConformance.Live.Tests;

/// <summary>
/// The real Ganeti 3.0 cluster of shared/ganeti-live, for the tests of the "live" collection. Started
/// once if it is not already answering, and stopped again at the end only when these tests started it
/// (a cluster found running is left as it was; RAPI_LIVE_KEEP=1 keeps it anyway). When it cannot be
/// used here, <see cref="Require"/> throws <see cref="LiveUnavailableException"/> and the tests skip.
/// </summary>
public sealed class LiveCluster : IAsyncLifetime
{
    public static readonly Uri BaseUri = new("https://127.0.0.1:5080/");
    public const string UsersFile = "/var/lib/ganeti/rapi/users";

    private string? _unavailable;
    private bool _startedHere;

    public UsersFileRoles Users { get; private set; } = new(null, null, null);

    public string Log { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            _unavailable = "the real-Ganeti layer needs root (start.sh builds a network namespace)";
            return;
        }
        if (RepositoryLayout.GanetiLive is not { } dir)
        {
            _unavailable = "shared/ganeti-live/start.sh not found above " + RepositoryLayout.Root;
            return;
        }
        if (!await AnswersAsync())
        {
            var start = await ProcessRun.RunAsync("bash", [Path.Combine(dir, "start.sh")], TimeSpan.FromMinutes(5), dir);
            Log = $"start.sh: exit {start.ExitCode} after {start.Elapsed.TotalSeconds:F0} s";
            _startedHere = true;
            if (start.ExitCode != 0 || !await AnswersAsync())
            {
                _unavailable = $"the real cluster did not start ({Log}): {start.Tail(5)}";
                return;
            }
        }
        else
        {
            Log = "cluster already running; left running afterwards";
        }
        if (!File.Exists(UsersFile) || UsersFileRoles.Load(UsersFile) is not { Writer: not null, Reader: not null } users)
        {
            _unavailable = $"no writer/reader user in {UsersFile}";
            return;
        }
        Users = users;
    }

    public async Task DisposeAsync()
    {
        if (_startedHere && Environment.GetEnvironmentVariable("RAPI_LIVE_KEEP") != "1" && RepositoryLayout.GanetiLive is { } dir)
        {
            await ProcessRun.RunAsync("bash", [Path.Combine(dir, "stop.sh")], TimeSpan.FromMinutes(2), dir);
        }
    }

    /// <summary>Skips the calling test (with the reason) when the cluster cannot be used.</summary>
    public void Require()
    {
        if (_unavailable is not null)
        {
            throw new LiveUnavailableException(_unavailable);
        }
    }

    public DiffEndpoint Endpoint(string name) => new(name, BaseUri, Users.Writer!, Users.Reader, Users.Plain);

    private static async Task<bool> AnswersAsync()
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri(BaseUri, "version"));
            return (int)response.StatusCode is 200 or 401;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
