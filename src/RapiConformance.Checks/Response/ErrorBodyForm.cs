using System.Text.Json;
using RapiConformance.Client;
using RapiConformance.Spec;

namespace RapiConformance.Checks;

/// <summary>Errors use Ganeti's body: {"code": status, "message": str, "explain": str}.</summary>
public sealed class ErrorBodyForm : ExchangeCheck
{
    public override string Id => "error-body-form";
    public override string Title => "Error bodies have Ganeti's form";
    public override string Requirement => "Every 4xx/5xx body is a JSON object with code (= the HTTP status), message and explain strings; message is HTML-escaped";
    public override string Source => "reference/protocol.md §4";

    protected override bool AppliesTo(Exchange exchange) => exchange.Completed && exchange.Status >= 400;

    protected override string? Problem(Exchange exchange, OperationSpec? operation, Profile profile)
    {
        if (exchange.Json() is not { ValueKind: JsonValueKind.Object } body)
            return $"error body is not a JSON object: {CheckContext.Excerpt(exchange.ResponseBody, 120)}";
        if (!body.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.Number || !code.TryGetInt32(out var c))
            return "error body lacks an integer 'code'";
        if (c != exchange.Status) return $"error body code {c} differs from HTTP status {exchange.Status}";
        foreach (var key in new[] { "message", "explain" })
            if (!body.TryGetProperty(key, out var v) || v.ValueKind != JsonValueKind.String)
                return $"error body lacks a string '{key}'";
        var message = body.GetProperty("message").GetString()!;
        if (message.IndexOfAny(['<', '>', '"', '\'']) >= 0) return $"message is not HTML-escaped (Ganeti escapes &<>\"'): {CheckContext.Excerpt(message, 100)}";
        return null;
    }
}
