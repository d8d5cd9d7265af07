using System.Runtime.CompilerServices;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>
/// A method a resource lacks answers 501 "Method X is unsupported for path Y" (Ganeti has no 405). Read-only
/// runs only probe with GET (on resources without GET); full runs also probe PUT, POST and DELETE.
/// </summary>
public sealed class UnsupportedMethod501 : Check
{
    public override string Id => "unsupported-method-501";
    public override string Title => "Methods a resource lacks answer 501";
    public override string Requirement => "Requesting a resource with a method it does not define answers 501 with Ganeti's error body, before authentication";
    public override string Source => "reference/protocol.md §2 step 4; samples 069-070";

    private static readonly string[] Methods = ["GET", "PUT", "POST", "DELETE"];

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var templates = context.Catalog.ForProfile(context.Profile).GroupBy(o => o.PathTemplate).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var template in templates)
        {
            var defined = template.Select(o => o.Method).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var probes = Methods.Where(m => !defined.Contains(m) && (m == "GET" || context.AllowWrites)).ToList();
            var owner = template.OrderBy(o => o.Method == "GET" ? 0 : 1).First().Id;
            if (probes.Count == 0) continue;
            var path = ExamplePaths.Filled(template.Key);
            var problems = new List<string>();
            Exchange? evidence = null;
            foreach (var method in probes)
            {
                var exchange = await context.SendAsync(new RapiRequest(method, path) { Negative = true, Body = method == "GET" ? null : "{}" }, ct);
                evidence ??= exchange;
                if (exchange.Status != 501) { problems.Add($"{method} {path}: expected 501, got {exchange.Status?.ToString() ?? exchange.TransportError}"); evidence = exchange; }
            }
            yield return Verdict(owner, problems, $"{string.Join("/", probes)} on {template.Key} answered 501", evidence);
        }
    }
}
