using System.Text.Json.Nodes;
using NJsonSchema;
using RapiConformance.Generation.Requests;
using RapiConformance.Generation.Rules;
using RapiConformance.Generation.Schemas;
using RapiConformance.Spec;

namespace RapiConformance.Generation.Running;

/// <summary>
/// Smaller versions of a request for FsCheck's shrinking: optional query parameters and optional body
/// members left out, array elements dropped, strings shortened and numbers moved towards their lower
/// bound. The mutated location of a negative case is never touched (except that an oversized string
/// may get shorter while it stays oversized), and a candidate keeps the original's validity.
/// </summary>
public sealed class RequestShrinker(SpecCatalog catalog, BodyRules rules)
{
    private readonly BodyWalker _walker = rules.Walker;

    public IEnumerable<FuzzRequest> Shrink(FuzzRequest request)
    {
        var op = catalog.Find(request.OperationId);
        if (op is null) yield break;
        var protectedQuery = request.Mutation?.Location is { } loc && loc.StartsWith("query:", StringComparison.Ordinal) ? loc[6..] : null;

        for (var i = 0; i < request.Query.Count; i++)
        {
            var key = request.Query[i].Key;
            if (key == protectedQuery || op.Query(key)?.Required == true && request.Query.Count(kv => kv.Key == key) == 1) continue;
            var query = request.Query.Where((_, j) => j != i).ToList();
            yield return request with { Query = query };
        }

        if (op.RequestBody is not { } schema || !request.HasBody || request.RawBody is not null || request.Body is null) yield break;
        var originalErrors = ErrorSet(schema, request.Body);
        var protectedPath = request.Mutation?.BodyPath ?? [];
        var hasProtected = request.Mutation?.BodyPath.Count > 0 || request.Mutation?.Kind == MutationKind.MissingRequired;
        var locations = _walker.Walk(request.Body, schema).Where(l => l.Path.Count > 0).ToList();

        // Bigger steps first: whole members and elements, then values.
        foreach (var l in locations.Where(l => !l.Required && !(hasProtected && (l.Contains(protectedPath) || ShiftsProtected(l.Path, protectedPath)))))
            if (Candidate(request, schema, originalErrors, BodyWalker.Edit(request.Body, l.Path, v => v, remove: true)) is { } c) yield return c;

        foreach (var l in locations)
        {
            var isProtected = hasProtected && PathEquals(l.Path, protectedPath);
            if (hasProtected && !isProtected && l.Contains(protectedPath)) continue;
            if (isProtected && request.Mutation!.Kind != MutationKind.OversizedString) continue;
            foreach (var smaller in SmallerValues(l))
                if (Candidate(request, schema, originalErrors, BodyWalker.Edit(request.Body, l.Path, _ => smaller)) is { } c) yield return c;
        }
    }

    /// <summary>A candidate must break exactly what the original broke: the same errors, no new ones.</summary>
    private FuzzRequest? Candidate(FuzzRequest request, JsonSchema schema, ISet<string> originalErrors, JsonNode? body)
    {
        if (body is null || !ErrorSet(schema, body).SetEquals(originalErrors)) return null;
        return request with { Body = body };
    }

    private static IEnumerable<JsonNode?> SmallerValues(BodyLocation l)
    {
        switch (l.Value)
        {
            case JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 1:
                yield return JsonValue.Create(s[..(s.Length / 2)]);
                yield return JsonValue.Create(s[..^1]);
                break;
            case JsonValue v when v.TryGetValue<long>(out var n) && n != 0:
                var lo = l.Schema.Minimum is { } m ? (long)Math.Ceiling(m) : 0;
                if (n > lo) { yield return JsonValue.Create(lo); yield return JsonValue.Create(lo + (n - lo) / 2); }
                if (n < 0 && lo <= n) yield return JsonValue.Create(n / 2);
                break;
            case JsonArray a when a.Count > 0:
                yield return new JsonArray(a.Take(a.Count / 2).Select(x => x?.DeepClone()).ToArray());
                break;
        }
    }

    /// <summary>Removing an array element before the protected one would shift the protected path's index.</summary>
    private static bool ShiftsProtected(IReadOnlyList<object> removed, IReadOnlyList<object> protectedPath) =>
        removed.Count > 0 && removed[^1] is int && removed.Count <= protectedPath.Count &&
        removed.Take(removed.Count - 1).Select((x, i) => Equals(x, protectedPath[i])).All(x => x);

    private HashSet<string> ErrorSet(JsonSchema schema, JsonNode? body) => rules.Errors(schema, body).ToHashSet(StringComparer.Ordinal);

    private static bool PathEquals(IReadOnlyList<object> a, IReadOnlyList<object> b) =>
        a.Count == b.Count && a.Select((x, i) => Equals(x, b[i])).All(x => x);
}
