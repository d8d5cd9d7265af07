using System.Text;

namespace RapiConformance.Server.Http;

/// <summary>Python's http.server texts (reason phrase and explain) and html.escape, as Ganeti's error bodies use them.</summary>
public static class PythonHttp
{
    public static string Phrase(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        413 => "Request Entity Too Large",
        415 => "Unsupported Media Type",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    };

    public static string Explain(int status) => status switch
    {
        400 => "Bad request syntax or unsupported method",
        401 => "No permission -- see authorization schemes",
        403 => "Request forbidden -- authorization will not help",
        404 => "Nothing matches the given URI",
        413 => "Entity is too large",
        415 => "Entity body in unsupported format",
        500 => "Server got itself in trouble",
        501 => "Server does not support this operation",
        502 => "Invalid responses from another server/proxy",
        503 => "The server cannot process the request due to a high load",
        504 => "The gateway server did not receive a timely response",
        _ => "",
    };

    /// <summary>Python's html.escape(s, quote=True).</summary>
    public static string HtmlEscape(string s)
    {
        if (s.AsSpan().IndexOfAny("&<>\"'") < 0) return s;
        var sb = new StringBuilder(s.Length + 16);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#x27;",
                _ => null,
            });
            if (c is not ('&' or '<' or '>' or '"' or '\'')) sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Python's repr() of a str, as Ganeti messages embed names with %r / %s of tuples.</summary>
    public static string Repr(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
