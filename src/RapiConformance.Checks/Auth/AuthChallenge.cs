using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>What a correct 401 looks like: Basic with Ganeti's realm.</summary>
internal static class AuthChallenge
{
    public const string Realm = "Ganeti Remote API";

    /// <summary>Null when the exchange is a proper 401 challenge, else what is wrong.</summary>
    public static string? Problem(Exchange exchange)
    {
        if (exchange.Status != 401) return $"expected 401, got {exchange.Status?.ToString() ?? exchange.TransportError}";
        var header = exchange.Header("WWW-Authenticate");
        if (!header.StartsWith("Basic", StringComparison.OrdinalIgnoreCase)) return $"401 without a Basic WWW-Authenticate header ('{header}')";
        if (!header.Contains($"realm=\"{Realm}\"", StringComparison.Ordinal)) return $"WWW-Authenticate realm is not \"{Realm}\": '{header}'";
        return null;
    }
}
