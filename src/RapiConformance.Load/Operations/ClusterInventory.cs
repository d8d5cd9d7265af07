using System.Text.Json;
using RapiConformance.Load.Engine;

namespace RapiConformance.Load.Operations;

/// <summary>Names the operations need, read once before the run: instances, nodes, operating systems.</summary>
public static class ClusterInventory
{
    /// <summary>The "id" (or plain string) members of a RAPI list answer such as GET /2/instances.</summary>
    public static async Task<IReadOnlyList<string>> NamesAsync(RapiLoadClient client, string path, CancellationToken ct)
    {
        var response = await client.SendAsync(HttpMethod.Get, path, null, ct).ConfigureAwait(false);
        if (!response.IsSuccess)
            throw new LoadSetupException($"GET {path} answered {response.Status}; cannot prepare the operation");
        using var doc = JsonDocument.Parse(response.Body);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
            throw new LoadSetupException($"GET {path} did not answer a JSON list");
        var names = new List<string>();
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String) names.Add(item.GetString()!);
            else if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                names.Add(id.GetString()!);
        }
        return names;
    }

    public static async Task<string> FirstAsync(RapiLoadClient client, string path, string what, CancellationToken ct)
    {
        var names = await NamesAsync(client, path, ct).ConfigureAwait(false);
        return names.Count > 0 ? names[0] : throw new LoadSetupException($"the target has no {what} (GET {path} is empty)");
    }
}
