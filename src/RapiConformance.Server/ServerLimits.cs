namespace RapiConformance.Server;

/// <summary>
/// The reference server's limits on what one request may carry, in one place (docs/server.md lists them and why).
/// Every limit is enforced when the request arrives, so nothing accepted can later fail to be stored or loaded.
/// </summary>
public static class ServerLimits
{
    /// <summary>
    /// Deepest nesting of a request body (objects and arrays). Ganeti itself has no documented limit (Python's
    /// json module stops near its recursion limit, about 1000); no documented parameter nests deeper than 4.
    /// </summary>
    public const int MaxBodyDepth = 64;

    /// <summary>
    /// Deepest nesting the state store writes and reads: a body's values are stored inside a job (job, opcode
    /// list, opcode, parameter map) and inside an entity (entity, parameter map), so the store allows the body
    /// limit plus room for that wrapping; whatever the parser accepted can always be saved and loaded again.
    /// </summary>
    public const int MaxStoredDepth = MaxBodyDepth + 64;

    /// <summary>
    /// Longest string (or object key) in a request body, in characters. Ganeti's own strings are short: host
    /// names 255, tags 128; the longest documented values (X509 PEM blobs of remote import/export) are a few
    /// KiB. Without a bound a 4 MB name was copied into the job, the entity and every cached view.
    /// </summary>
    public const int MaxStringLength = 65536;

    /// <summary>The first string or key longer than <see cref="MaxStringLength"/>, or null.</summary>
    public static int? OversizedString(System.Text.Json.Nodes.JsonNode? node)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                foreach (var (k, v) in o)
                {
                    if (k.Length > MaxStringLength) return k.Length;
                    if (OversizedString(v) is { } n) return n;
                }
                return null;
            case System.Text.Json.Nodes.JsonArray a:
                foreach (var v in a)
                    if (OversizedString(v) is { } n) return n;
                return null;
            case System.Text.Json.Nodes.JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String:
                var length = v.GetValue<string>().Length;
                return length > MaxStringLength ? length : null;
            default:
                return null;
        }
    }
}
