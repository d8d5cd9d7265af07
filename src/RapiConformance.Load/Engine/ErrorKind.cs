using System.Net.Sockets;

namespace RapiConformance.Load.Engine;

/// <summary>Names an exception as an error kind for the report.</summary>
public static class ErrorKind
{
    public static string Of(Exception e, bool aborted, bool job = false)
    {
        var prefix = job ? "job-wait-" : "";
        if (aborted && e is OperationCanceledException) return job ? "job-unfinished-at-stop" : "unfinished-at-stop";
        return e switch
        {
            TimeoutException => prefix + "timeout",
            JobLostException => "job-lost",
            HttpRequestException { InnerException: SocketException s } => $"{prefix}connection-{s.SocketErrorCode.ToString().ToLowerInvariant()}",
            HttpRequestException => prefix + "connection",
            System.Text.Json.JsonException => prefix + "bad-json",
            OperationCanceledException => prefix + "canceled",
            _ => prefix + e.GetType().Name,
        };
    }
}
