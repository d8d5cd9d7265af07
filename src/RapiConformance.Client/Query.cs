namespace RapiConformance.Client;

/// <summary>Builds a path with a query string; keys may repeat (RAPI's tag=a&amp;tag=b).</summary>
public static class Query
{
    public static string Path(string path, params (string Key, string? Value)[] pairs)
    {
        var parts = pairs.Where(p => p.Value is not null)
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value!))
            .ToList();
        return parts.Count == 0 ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&", parts);
    }

    public static string Tags(string path, IEnumerable<string> tags, params (string Key, string? Value)[] more) =>
        Path(path, tags.Select(t => ("tag", (string?)t)).Concat(more).ToArray());
}
