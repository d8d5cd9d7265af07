using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace RapiConformance.Live.Tests;

/// <summary>
/// The live cluster's entity lists as sorted lines: every instance, group and network with its tags, and
/// the cluster's tags. Two readings are equal when nobody added, removed, renamed or re-tagged anything.
/// </summary>
public static class EntityLists
{
    public static async Task<IReadOnlyList<string>> ReadAsync(string user, string password)
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var client = new HttpClient(handler) { BaseAddress = LiveCluster.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        var lines = new List<string>();
        foreach (var (kind, path) in new[] { ("instance", "2/instances?bulk=1"), ("group", "2/groups?bulk=1"), ("network", "2/networks?bulk=1") })
        {
            using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative)));
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                var tags = item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Order(StringComparer.Ordinal);
                lines.Add($"{kind} {item.GetProperty("name").GetString()} [{string.Join(",", tags)}]");
            }
        }
        using (var tags = JsonDocument.Parse(await client.GetStringAsync(new Uri("2/tags", UriKind.Relative))))
        {
            lines.AddRange(tags.RootElement.EnumerateArray().Select(t => $"cluster tag {t.GetString()}"));
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
