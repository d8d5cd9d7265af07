using RapiConformance.Client;

namespace RapiConformance.Generation.Running;

/// <summary>An answer in one line for observations and traces: status, Content-Type and the start of the body.</summary>
public static class ExchangeText
{
    public static string Brief(this Exchange exchange) =>
        exchange.TransportError is { } error
            ? $"transport error: {error}"
            : $"{exchange.Status} {exchange.ContentType} {(exchange.ResponseBody.Length > 600 ? exchange.ResponseBody[..600] + "..." : exchange.ResponseBody)}";
}
