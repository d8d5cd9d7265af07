using System.Runtime.CompilerServices;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>An older profile's server does not answer resources that its document lacks.</summary>
public sealed class ProfileOperationsOnly : Check
{
    public override string Id => "profile-operations-only";
    public override string Title => "Resources outside the profile are not served";
    public override string Requirement => "A server of profile 2.0 or 2.5 answers 404 (no route) or 501 (no such method) for resources that only later documents define";
    public override string Source => "seeds/000 (2.0) and seeds/001 (2.5); reference/resources.md Counts";
    public override Severity Severity => Severity.Should;
    public override IReadOnlySet<string> Profiles => new HashSet<string> { "2.0", "2.5" };

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var facts = await context.FactsAsync();
        var outside = context.Catalog.Operations
            .Where(o => o.Method == "GET" && !o.InProfile(context.Profile))
            .GroupBy(o => o.PathTemplate)
            .Where(g => context.Catalog.Match("GET", ExamplePaths.Filled(g.Key), context.Profile).Operation is null)
            .Select(g => g.First());
        foreach (var op in outside)
        {
            var filled = ExamplePaths.For(op, facts with { Groups = facts.Groups.Count > 0 ? facts.Groups : ["default"], Networks = ["rc-net"], Filters = ["00000000-0000-0000-0000-000000000000"] }, 1);
            var path = filled.Count > 0 ? filled[0] : ExamplePaths.WithRequiredQuery(op, ExamplePaths.Filled(op.PathTemplate));
            var exchange = await context.SendAsync(RapiRequest.Get(path) with { Negative = true }, ct);
            yield return exchange.Status is 404 or 501
                ? Pass(op.Id, $"GET {path} answered {exchange.Status} (not in profile {context.Profile})", exchange)
                : Fail(op.Id, $"GET {path} is outside profile {context.Profile} but answered {exchange.Status?.ToString() ?? exchange.TransportError}", exchange);
        }
    }
}
