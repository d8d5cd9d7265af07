using System.Runtime.CompilerServices;
using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>Every uri a list hands out can be fetched.</summary>
public sealed class UriResolves : Check
{
    public override string Id => "uri-resolves";
    public override string Title => "List uri values resolve";
    public override string Requirement => "GET on each uri of a list answers 200";
    public override string Source => "reference/bulk-fields.md (List forms)";
    public override Severity Severity => Severity.Should;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var collections = Collection.All.Where(c => c.Profiles.Contains(context.Profile.Name)).Select(c => (c.Path, c.ListOperation)).ToList();
        collections.Add(("/2/jobs", "listJobs"));
        foreach (var (path, op) in collections)
        {
            var list = await context.SendAsync(RapiRequest.Get(path), ct);
            var uris = list.Json() is { ValueKind: JsonValueKind.Array } a
                ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object && x.TryGetProperty("uri", out var u) && u.ValueKind == JsonValueKind.String)
                    .Select(x => x.GetProperty("uri").GetString()!).ToList()
                : [];
            if (uris.Count == 0) { yield return Skip(op, $"no uri in {path}"); continue; }
            var problems = new List<string>();
            Exchange? evidence = null;
            foreach (var uri in (path == "/2/jobs" ? uris.AsEnumerable().Reverse() : uris).Take(context.SampleSize))
            {
                var e = await context.SendAsync(RapiRequest.Get(uri.StartsWith('/') ? uri : "/" + uri), ct);
                evidence ??= e;
                if (e.Status != 200) { problems.Add($"{uri}: {e.Status?.ToString() ?? e.TransportError}"); evidence = e; }
            }
            yield return Verdict(op, problems, "sampled uris answer 200", evidence);
        }
    }
}
