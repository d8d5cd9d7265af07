namespace RapiConformance.Client;

/// <summary>
/// One request as a check means it. <see cref="PathAndQuery"/> is sent verbatim (Ganeti does not decode
/// paths, and repeated query keys matter), so callers build it with <see cref="Query"/>.
/// </summary>
public sealed record RapiRequest(string Method, string PathAndQuery)
{
    /// <summary>The JSON text to send; null sends no body.</summary>
    public string? Body { get; init; }

    /// <summary>Content-Type sent with the body, exactly as given (Ganeti refuses parameters such as charset).</summary>
    public string? ContentType { get; init; }

    /// <summary>Send the body with no Content-Type header at all (a negative case); <see cref="ContentType"/> is then ignored.</summary>
    public bool OmitContentType { get; init; }

    /// <summary>Who to send as. Null uses the client's default; <see cref="Anonymous"/> sends no Authorization.</summary>
    public Credentials? As { get; init; }

    public bool Anonymous { get; init; }

    /// <summary>An Authorization header sent verbatim (malformed-credential tests).</summary>
    public string? RawAuthorization { get; init; }

    /// <summary>A deliberate negative probe: its status is checked by the check that sent it, not by the spec.</summary>
    public bool Negative { get; init; }

    /// <summary>Overrides the client's time-out (for example the 10 s /wait long poll).</summary>
    public TimeSpan? Timeout { get; init; }

    public static RapiRequest Get(string pathAndQuery) => new("GET", pathAndQuery);

    public static RapiRequest Put(string pathAndQuery, string? body = null) => new("PUT", pathAndQuery) { Body = body };

    public static RapiRequest Post(string pathAndQuery, string? body = null) => new("POST", pathAndQuery) { Body = body };

    public static RapiRequest Delete(string pathAndQuery) => new("DELETE", pathAndQuery);

    public bool IsRead => Method == "GET";
}
