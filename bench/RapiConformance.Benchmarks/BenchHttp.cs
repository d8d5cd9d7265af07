using System.Net.Http.Headers;
using System.Text;

namespace RapiConformance.Benchmarks;

/// <summary>An HttpClient over SocketsHttpHandler, the same for the reference server and the baseline.</summary>
public static class BenchHttp
{
    public static HttpClient Create(Uri baseUri, string? user = null, string? password = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 256 })
        {
            BaseAddress = baseUri,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (user is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }

    /// <summary>GET and read the whole body; throws unless 200 so a broken server cannot look fast.</summary>
    public static async Task<byte[]> GetBytesAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path.TrimStart('/'), HttpCompletionOption.ResponseContentRead);
        if ((int)response.StatusCode != 200) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static string UsersFile(string directory)
    {
        var path = Path.Combine(directory, "users");
        File.WriteAllText(path, "bench benchpw write\n");
        return path;
    }
}
