using System.Runtime.CompilerServices;
using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>/2/features lists exactly the features of the profile (a 2.0 server has no /2/features).</summary>
public sealed class FeaturesMatchProfile : Check
{
    public override string Id => "features-match-profile";
    public override string Title => "/2/features agrees with the profile";
    public override string Requirement => "2.0: no /2/features (404); 2.5: instance-create-reqv1 and instance-reinstall-reqv1; 3.0: those plus node-migrate-reqv1 and node-evac-res1, in any order";
    public override string Source => "reference/bulk-fields.md (/2/features table); seeds/001 /2/features";

    public static IReadOnlySet<string> Expected(string profile) => profile switch
    {
        "2.5" => new HashSet<string> { "instance-create-reqv1", "instance-reinstall-reqv1" },
        "3.0" => new HashSet<string> { "instance-create-reqv1", "instance-reinstall-reqv1", "node-migrate-reqv1", "node-evac-res1" },
        _ => new HashSet<string>(),
    };

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var exchange = await context.SendAsync(RapiRequest.Get("/2/features") with { Negative = context.Profile.Name == "2.0" }, ct);
        if (context.Profile.Name == "2.0")
        {
            yield return exchange.Status == 404
                ? Pass(null, "/2/features is absent (404), as in the 2.0 document", exchange)
                : Fail(null, $"a 2.0 server has no /2/features, but it answered {exchange.Status?.ToString() ?? exchange.TransportError}", exchange);
            yield break;
        }
        var expected = Expected(context.Profile.Name);
        var body = exchange.Json();
        if (exchange.Status != 200 || body is not { ValueKind: JsonValueKind.Array } list)
        {
            yield return Fail("getFeatures", $"expected 200 with a list, got {exchange.Status?.ToString() ?? exchange.TransportError}", exchange);
            yield break;
        }
        var got = list.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetRawText()).ToList();
        var missing = expected.Except(got).ToList();
        var extra = got.Except(expected).ToList();
        var duplicates = got.Count != got.Distinct().Count();
        var problems = new List<string>();
        if (missing.Count > 0) problems.Add("missing " + string.Join(", ", missing));
        if (extra.Count > 0) problems.Add("not in profile " + context.Profile + ": " + string.Join(", ", extra));
        if (duplicates) problems.Add("a feature is listed twice");
        yield return Verdict("getFeatures", problems, $"features are those of profile {context.Profile}", exchange);
    }
}
