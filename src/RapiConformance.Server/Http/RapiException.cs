namespace RapiConformance.Server.Http;

/// <summary>An error Ganeti answers synchronously: an HTTP status and the handler's text (escaped on output).</summary>
public sealed class RapiException(int status, string? message = null) : Exception(message ?? PythonHttp.Phrase(status))
{
    public int Status { get; } = status;

    /// <summary>The handler text, or null when Ganeti uses the standard reason phrase.</summary>
    public string? HandlerMessage { get; } = message;

    public static RapiException BadRequest(string message) => new(400, message);
}
