using RapiConformance.Client;
using System.Text;
using System.Text.Json.Nodes;


namespace RapiConformance.Generation.Requests;

/// <summary>
/// One generated request for one operation: path values, query, body (as JSON for shrinking, or raw
/// text for transport-level mutations), the mutation applied (none for a positive case) and what the
/// target is expected to do with it.
/// </summary>
public sealed record FuzzRequest(
    string OperationId,
    string Method,
    string PathTemplate,
    IReadOnlyDictionary<string, string> PathValues,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    JsonNode? Body,
    bool HasBody,
    string? RawBody,
    string? ContentType,
    Expectation Expect,
    Mutation? Mutation)
{
    /// <summary>The request path with values substituted (not escaped: odd names go out as generated).</summary>
    public string Path
    {
        get
        {
            var path = PathTemplate;
            foreach (var (name, value) in PathValues) path = path.Replace("{" + name + "}", value, StringComparison.Ordinal);
            return path;
        }
    }

    public string PathAndQuery
    {
        get
        {
            if (Query.Count == 0) return Path;
            var sb = new StringBuilder(Path).Append('?');
            for (var i = 0; i < Query.Count; i++)
            {
                if (i > 0) sb.Append('&');
                sb.Append(Uri.EscapeDataString(Query[i].Key)).Append('=').Append(Uri.EscapeDataString(Query[i].Value));
            }
            return sb.ToString();
        }
    }

    /// <summary>The body as sent, or null when the request carries none.</summary>
    public string? BodyText => RawBody ?? (HasBody ? Body?.ToJsonString() ?? "null" : null);

    /// <summary>The request for the harness's client: path and query verbatim, the body text with exactly this Content-Type (or none).</summary>
    public RapiRequest ToWire() => new(Method, PathAndQuery)
    {
        Body = BodyText,
        ContentType = BodyText is null ? null : ContentType,
        OmitContentType = BodyText is not null && ContentType is null,
        Negative = Expect == Expectation.Refuse,
    };

    /// <summary>Size used to compare shrinking candidates: fewer characters on the wire is smaller.</summary>
    public int Weight => PathAndQuery.Length + (BodyText?.Length ?? 0);

    public override string ToString() =>
        $"{Method} {Truncate(PathAndQuery, 300)}" + (BodyText is null ? "" : $" {ContentType} {Truncate(BodyText, 400)}") +
        (Mutation is null ? "" : $"  [{Mutation}]");

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n] + $"...(+{s.Length - n} chars)";
}
