using System.Text.Json;

namespace RapiConformance.Client;

/// <summary>
/// The record of one request and what came back (or why nothing usable did). Every check result points
/// at exchanges, and reports turn them into excerpts and curl commands.
/// </summary>
public sealed record Exchange
{
    public required long Sequence { get; init; }
    public required string Method { get; init; }
    public required Uri Url { get; init; }
    public required string PathAndQuery { get; init; }
    public required IReadOnlyDictionary<string, string> RequestHeaders { get; init; }
    public string? RequestBody { get; init; }
    public string? User { get; init; }
    public bool Negative { get; init; }
    public required DateTimeOffset Started { get; init; }
    public required TimeSpan Duration { get; init; }

    /// <summary>The HTTP status, or null when no complete response arrived (see <see cref="TransportError"/>).</summary>
    public int? Status { get; init; }
    public IReadOnlyDictionary<string, string> ResponseHeaders { get; init; } = new Dictionary<string, string>();
    public string? ContentType { get; init; }
    public string ResponseBody { get; init; } = "";

    /// <summary>Why the exchange failed below HTTP: time-out, reset, garbage, short body, body too large.</summary>
    public string? TransportError { get; init; }

    public bool Completed => Status is not null && TransportError is null;

    public bool IsSuccess => Completed && Status is >= 200 and < 300;

    /// <summary>The body parsed as JSON; null when it is not JSON.</summary>
    public JsonElement? Json()
    {
        if (string.IsNullOrWhiteSpace(ResponseBody)) return null;
        try
        {
            using var doc = JsonDocument.Parse(ResponseBody);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string Header(string name) =>
        ResponseHeaders.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value ?? "";

    public string Summary => $"{Method} {PathAndQuery} -> {(Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response")}"
                             + (TransportError is null ? "" : $" ({TransportError})");
}
