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
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Request Entity Too Large",
        414 => "Request-URI Too Long",
        431 => "Request Header Fields Too Large",
        415 => "Unsupported Media Type",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        _ => "Error",
    };

    public static string Explain(int status) => status switch
    {
        400 => "Bad request syntax or unsupported method",
        401 => "No permission -- see authorization schemes",
        403 => "Request forbidden -- authorization will not help",
        404 => "Nothing matches the given URI",
        408 => "Request timed out; try again later",
        411 => "Client must specify Content-Length",
        413 => "Entity is too large",
        414 => "URI is too long",
        431 => "The server refused this request because the request header fields are too large",
        415 => "Entity body in unsupported format",
        500 => "Server got itself in trouble",
        501 => "Server does not support this operation",
        502 => "Invalid responses from another server/proxy",
        503 => "The server cannot process the request due to a high load",
        504 => "The gateway server did not receive a timely response",
        505 => "Cannot fulfill request",
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

    /// <summary>Python's json.dumps (", " and ": " separators, non-ASCII as \\uXXXX), as Ganeti's messages quote requests.</summary>
    public static string JsonDumps(System.Text.Json.Nodes.JsonNode? node)
    {
        var sb = new StringBuilder();
        Dump(sb, node);
        return sb.ToString();
    }

    private static void Dump(StringBuilder sb, System.Text.Json.Nodes.JsonNode? node)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case System.Text.Json.Nodes.JsonArray a:
                sb.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Dump(sb, a[i]);
                }
                sb.Append(']');
                break;
            case System.Text.Json.Nodes.JsonObject o:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in o)
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    DumpString(sb, k);
                    sb.Append(": ");
                    Dump(sb, v);
                }
                sb.Append('}');
                break;
            default:
                if (node.GetValueKind() == System.Text.Json.JsonValueKind.String) DumpString(sb, node.GetValue<string>());
                else sb.Append(node.ToJsonString());
                break;
        }
    }

    private static void DumpString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7f) sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>Python's repr() of a str, as Ganeti messages embed names with %r / %s of tuples.</summary>
    public static string Repr(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
