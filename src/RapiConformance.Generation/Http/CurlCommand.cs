using RapiConformance.Client;
using System.Text;

namespace RapiConformance.Generation.Http;

/// <summary>A copy-pasteable curl command for a request; the password is left as $RAPI_PASSWORD.</summary>
public static class CurlCommand
{
    public static string For(Uri baseUri, RapiRequest request, string? user, bool insecure)
    {
        var sb = new StringBuilder("curl -sS -i");
        if (insecure || baseUri.Scheme == "https") sb.Append(" -k");
        if (user is not null) sb.Append(" -u ").Append(Quote(user + ":")).Append("\"$RAPI_PASSWORD\"");
        sb.Append(" -X ").Append(request.Method);
        if (request.Body is not null)
        {
            if (!request.OmitContentType) sb.Append(" -H ").Append(Quote("Content-Type: " + (request.ContentType ?? "application/json")));
            else sb.Append(" -H 'Content-Type:'");
            sb.Append(" --data-binary ").Append(Quote(request.Body));
        }
        sb.Append(" --path-as-is ").Append(Quote(new Uri(baseUri, request.PathAndQuery.TrimStart('/')).GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped)));
        return sb.ToString();
    }

    /// <summary>POSIX shell single quotes; control characters become $'..' escapes so the line stays one line.</summary>
    private static string Quote(string s)
    {
        if (s.Any(char.IsControl))
        {
            var sb = new StringBuilder("$'");
            foreach (var c in s)
                sb.Append(c switch
                {
                    '\'' => "\\'",
                    '\\' => "\\\\",
                    _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                    _ => c.ToString(),
                });
            return sb.Append('\'').ToString();
        }
        return "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
