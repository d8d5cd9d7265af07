using System.Text.Json;
using RapiConformance.Client;
using RapiConformance.Spec;

namespace RapiConformance.Checks;

/// <summary>
/// `--profile auto`: no /2/features means a 2.0 server; features of 3.0 (node-migrate-reqv1, node-evac-res1),
/// or a /2/filters resource, mean 3.0; otherwise 2.5.
/// </summary>
public static class ProfileDetector
{
    public sealed record Detection(Profile Profile, string Reason);

    public static async Task<Detection> DetectAsync(RapiClient client, CancellationToken ct)
    {
        var features = await client.SendAsync(RapiRequest.Get("/2/features"), ct);
        if (!features.Completed) throw new IOException($"cannot detect the profile: {features.Summary}");
        if (features.Status == 404)
        {
            var version = await client.SendAsync(RapiRequest.Get("/version"), ct);
            return new Detection(Profile.V2_0, $"/2/features answered 404 and /version {version.Status?.ToString() ?? "no response"}");
        }
        var list = features.Json() is { ValueKind: JsonValueKind.Array } a
            ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
        if (list.Contains("node-migrate-reqv1") || list.Contains("node-evac-res1"))
            return new Detection(Profile.V3_0, $"/2/features lists {string.Join(", ", list)}");
        var filters = await client.SendAsync(RapiRequest.Get("/2/filters"), ct);
        if (filters.Status == 200) return new Detection(Profile.V3_0, "/2/filters exists");
        return new Detection(Profile.V2_5, $"/2/features lists [{string.Join(", ", list)}] and /2/filters answered {filters.Status}");
    }
}
