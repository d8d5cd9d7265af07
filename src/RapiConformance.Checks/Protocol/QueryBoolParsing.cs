using System.Runtime.CompilerServices;
using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>RAPI bools are integers: bulk=1 gives the bulk form, bulk=0 the plain list, bulk=true a 400.</summary>
public sealed class QueryBoolParsing : Check
{
    public override string Id => "query-bool-parsing";
    public override string Title => "Query bools are parsed as integers (bulk=0/1; 'true' is a 400)";
    public override string Requirement => "Bool query parameters are read with int(): 0 is false, other integers true, any other text answers 400";
    public override string Source => "reference/protocol.md §3";

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var op in context.Catalog.ForProfile(context.Profile).Where(o => o.Method == "GET" && o.Query("bulk") is not null && o.PathParameters.All(_ => false)))
        {
            var problems = new List<string>();
            var plain = await context.SendAsync(RapiRequest.Get(op.PathTemplate), ct);
            var zero = await context.SendAsync(RapiRequest.Get(op.PathTemplate + "?bulk=0"), ct);
            var one = await context.SendAsync(RapiRequest.Get(op.PathTemplate + "?bulk=1"), ct);
            var two = await context.SendAsync(RapiRequest.Get(op.PathTemplate + "?bulk=2"), ct);
            var word = await context.SendAsync(RapiRequest.Get(op.PathTemplate + "?bulk=true") with { Negative = true }, ct);
            if (!plain.IsSuccess || !zero.IsSuccess || !one.IsSuccess || !two.IsSuccess)
                problems.Add($"expected 200 for bulk absent/0/1/2, got {plain.Status}/{zero.Status}/{one.Status}/{two.Status}");
            else
            {
                // Jobs appear while the run goes on, so the job list is only checked for its forms.
                var stable = op.Id != "listJobs";
                if (stable && Names(plain) != Names(zero)) problems.Add("bulk=0 differs from the plain list");
                if (!IsBulk(one.Json())) problems.Add("bulk=1 did not give the bulk form (objects with more than name/id and uri)");
                if (stable && Names(one) != Names(two)) problems.Add("bulk=2 differs from bulk=1 (any non-zero integer is true)");
                if (IsBulk(zero.Json()) && zero.Json()!.Value.GetArrayLength() > 0) problems.Add("bulk=0 gave the bulk form");
            }
            if (word.Status != 400) problems.Add($"bulk=true: expected 400, got {word.Status?.ToString() ?? word.TransportError}");
            yield return Verdict(op.Id, problems, "bulk absent/0/1/2/true handled as Ganeti does", problems.Count > 0 && word.Status != 400 ? word : one);
        }
    }

    private static string Names(Exchange exchange) => string.Join(",", FactsLoader.ListNames(exchange.Json()).Order(StringComparer.Ordinal));

    private static bool IsBulk(JsonElement? e) =>
        e is { ValueKind: JsonValueKind.Array } a && a.EnumerateArray().All(x =>
            x.ValueKind == JsonValueKind.Object && x.EnumerateObject().Any(p => p.Name is not ("id" or "name" or "uri" or "uuid")));
}
