using RapiConformance.Client;
using RapiConformance.Reports;

namespace RapiConformance.Runner;

/// <summary>Turns an exchange into report records and a curl command that replays it (password left as $RAPI_PASSWORD).</summary>
public static class ExchangeRecords
{
    public const int ExcerptLength = 2000;

    public static RequestRecord Request(Exchange e) =>
        new(e.Method, e.Url.ToString(), e.User, e.RequestHeaders, e.RequestBody);

    public static ResponseRecord Response(Exchange e) =>
        new(e.Status, e.ResponseHeaders,
            e.ResponseBody.Length <= ExcerptLength ? e.ResponseBody : e.ResponseBody[..ExcerptLength] + $"… ({e.ResponseBody.Length} chars)",
            e.Duration.TotalMilliseconds, e.TransportError);

    public static string Curl(Exchange e, bool insecure)
    {
        var parts = new List<string> { "curl", "-sS", "-i" };
        if (insecure) parts.Add("-k");
        parts.Add("-X " + e.Method);
        if (e.User is { } user && user != "(raw)") parts.Add($"-u {Quote(user + ":")}\"$RAPI_PASSWORD\"");
        else if (e.RequestHeaders.TryGetValue("Authorization", out var raw)) parts.Add("-H " + Quote("Authorization: " + raw));
        if (e.RequestBody is not null)
        {
            var type = e.RequestHeaders.GetValueOrDefault("Content-Type", "");
            parts.Add("-H " + Quote("Content-Type: " + type));
            parts.Add("--data-binary " + Quote(e.RequestBody));
        }
        parts.Add(Quote(e.Url.ToString()));
        return string.Join(" ", parts);
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
