using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using RapiConformance.Spec;

namespace RapiConformance.Server.Tests;

/// <summary>A reference server on a free loopback port with a users file (admin: write, reader: read, plain: none).</summary>
public sealed class ServerFixture : IAsyncDisposable
{
    public const string Users = "# test users\nadmin adminpw write\nreader {cleartext}readerpw read\nplain plainpw\nha1user {HA1}HASH\n";

    private bool _ownsDirectory;

    private ServerFixture(ReferenceServer server, string dir, HttpClient http)
    {
        Server = server;
        Directory = dir;
        Http = http;
    }

    public ReferenceServer Server { get; }

    public string Directory { get; }

    public HttpClient Http { get; }

    public List<string> ValidationErrors { get; } = [];

    public string UsersPath => Path.Combine(Directory, "users");

    public static async Task<ServerFixture> StartAsync(Func<ServerOptions, ServerOptions>? configure = null, string? stateDir = null)
    {
        var dir = stateDir ?? Path.Combine(Path.GetTempPath(), "rapi-test-" + Guid.NewGuid().ToString("N")[..10]);
        System.IO.Directory.CreateDirectory(dir);
        var ha1 = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes("ha1user:Ganeti Remote API:secret")));
        var users = Path.Combine(dir, "users");
        if (!File.Exists(users)) await File.WriteAllTextAsync(users, Users.Replace("HASH", ha1));
        var options = new ServerOptions { Bind = "127.0.0.1", Port = 0, UseTls = false, StateDirectory = dir, UsersFile = users, Nodes = 3, Instances = 10, Seed = 1 };
        if (configure is not null) options = configure(options);
        var server = await ReferenceServer.StartAsync(options, CancellationToken.None);
        var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        return new ServerFixture(server, dir, http) { _ownsDirectory = stateDir is null };
    }

    public async Task<Answer> SendAsync(HttpMethod method, string path, string? user = null, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (user is not null)
        {
            var password = user switch { "admin" => "adminpw", "reader" => "readerpw", "plain" => "plainpw", "ha1user" => "secret", _ => "wrong" };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType.Length == 0 ? null : MediaTypeHeaderValue.Parse(contentType);
        }
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var answer = new Answer((int)response.StatusCode, text, response.Content.Headers.ContentType?.ToString(),
            response.Headers.WwwAuthenticate.ToString(), response.Headers.Server.ToString());
        Validate(method.Method, path, answer);
        return answer;
    }

    public Task<Answer> GetAsync(string path, string? user = null) => SendAsync(HttpMethod.Get, path, user);

    /// <summary>Checks the answer against the spec's schema for that operation and status.</summary>
    private void Validate(string method, string path, Answer answer)
    {
        var profile = Server.Services.Profile;
        var match = SpecCatalog.Default.Match(method, path, profile);
        var schema = match.Operation is { } op && op.Responses.TryGetValue(answer.Status, out var r) ? r.SchemaFor(profile)
            : answer.Status >= 400 ? SpecCatalog.Default.Component("Error") : null;
        if (schema is null || (method == "HEAD" && answer.Body.Length == 0)) return;
        foreach (var e in SchemaValidator.Shared.Validate(schema, answer.Body))
            lock (ValidationErrors) ValidationErrors.Add($"{method} {path} -> {answer.Status}: {e}");
    }

    /// <summary>Answers may nest as deep as the server stores (bodies of hostile-input tests).</summary>
    public static readonly System.Text.Json.JsonDocumentOptions Deep = new() { MaxDepth = 1000 };

    public async Task<JsonObject> WaitForJobAsync(long id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var job = (JsonObject)JsonNode.Parse((await GetAsync($"/2/jobs/{id}", "reader")).Body, documentOptions: Deep)!;
            var status = job["status"]?.ToString();
            if (status is "success" or "error" or "canceled") return job;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"job {id} still {status}");
            await Task.Delay(20);
        }
    }

    public async Task<long> SubmitAsync(HttpMethod method, string path, string? body = null)
    {
        var a = await SendAsync(method, path, "admin", body);
        if (a.Status != 200) throw new InvalidOperationException($"{method} {path}: {a.Status} {a.Body}");
        return long.Parse(a.Body, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        if (!_ownsDirectory) return;
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed record Answer(int Status, string Body, string? ContentType, string WwwAuthenticate, string Server)
{
    public JsonNode? Json => JsonNode.Parse(Body, documentOptions: ServerFixture.Deep);
}
