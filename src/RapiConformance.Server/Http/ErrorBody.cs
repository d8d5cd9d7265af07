using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RapiConformance.Server.Http;

/// <summary>Ganeti's error answer: {"code", "message" (HTML-escaped), "explain"}, Content-Type application/json.</summary>
public static class ErrorBody
{
    public static byte[] For(int status, string? message, bool escape = true)
    {
        var text = message ?? PythonHttp.Phrase(status);
        var body = new JsonObject
        {
            ["code"] = status,
            ["message"] = escape ? PythonHttp.HtmlEscape(text) : text,
            ["explain"] = PythonHttp.Explain(status),
        };
        return System.Text.Encoding.UTF8.GetBytes(body.ToJsonString(JsonOptions.Relaxed));
    }

    public static async Task WriteAsync(HttpResponse response, int status, string? message, bool escape, bool wwwAuthenticate, CancellationToken ct)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        if (status == 401 && wwwAuthenticate) response.Headers.WWWAuthenticate = $"Basic realm=\"{Auth.UsersFile.Realm}\"";
        var bytes = For(status, message, escape);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, ct).ConfigureAwait(false);
    }
}
