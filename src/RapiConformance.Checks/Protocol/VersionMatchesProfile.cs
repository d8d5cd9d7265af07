using System.Runtime.CompilerServices;
using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>GET /version answers the integer 2 where the profile has it.</summary>
public sealed class VersionMatchesProfile : Check
{
    public override string Id => "version-matches-profile";
    public override string Title => "/version agrees with the profile";
    public override string Requirement => "GET /version answers the JSON integer 2 (RAPI_VERSION) in profiles 2.5 and 3.0";
    public override string Source => "reference/bulk-fields.md (Other fixed answers); seeds/001 /version";
    public override IReadOnlySet<string> Profiles => From25;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var exchange = await context.SendAsync(RapiRequest.Get("/version"), ct);
        var body = exchange.Json();
        yield return exchange.Status == 200 && body is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var v) && v == 2
            ? Pass("getVersion", "/version is 2", exchange)
            : Fail("getVersion", $"expected 200 with the integer 2, got {exchange.Status?.ToString() ?? exchange.TransportError}: {CheckContext.Excerpt(exchange.ResponseBody)}", exchange);
    }
}
