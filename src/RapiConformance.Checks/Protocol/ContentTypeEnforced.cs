using System.Runtime.CompilerServices;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>A body must be sent as exactly application/json (no charset) and must parse; otherwise 415 / 400 and nothing happens.</summary>
public sealed class ContentTypeEnforced : Check
{
    public override string Id => "content-type-enforced";
    public override string Title => "Request bodies need Content-Type application/json and valid JSON";
    public override string Requirement => "A non-empty body with any Content-Type other than exactly application/json answers 415; invalid JSON answers 400; neither performs the write";
    public override string Source => "reference/protocol.md §2 step 6";
    public override bool Writes => true;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var tag = context.Name("ctype-tag");
        var path = Query.Path("/2/tags", ("tag", tag));
        context.Cleanup.Register("tag:" + tag, t => context.SendAsync(RapiRequest.Delete(path), t));
        var probes = new (string What, RapiRequest Request, int Expected)[]
        {
            ("text/plain", RapiRequest.Put(path, "[]") with { ContentType = "text/plain" }, 415),
            ("application/json; charset=utf-8", RapiRequest.Put(path, "[]") with { ContentType = "application/json; charset=utf-8" }, 415),
            ("no Content-Type", RapiRequest.Put(path, "[]") with { ContentType = "" }, 415),
            ("invalid JSON", RapiRequest.Put(path, "{not json") with { ContentType = "application/json" }, 400),
        };
        var problems = new List<string>();
        Exchange? evidence = null;
        foreach (var (what, request, expected) in probes)
        {
            var e = await context.SendAsync(request with { Negative = true }, ct);
            evidence ??= e;
            if (e.Status != expected) { problems.Add($"{what}: expected {expected}, got {e.Status?.ToString() ?? e.TransportError}"); evidence = e; }
            if (e.IsSuccess && JobWaiter.TryReadJobId(e.Json(), out var id)) await context.Jobs.WaitAsync(id, context.JobTimeout, ct);
        }
        var tags = TagsRoundTrip.Strings((await context.SendAsync(RapiRequest.Get("/2/tags"), ct)).Json());
        if (tags.Contains(tag)) problems.Add($"tag '{tag}' was added by a refused request");
        else context.Cleanup.Done("tag:" + tag);
        yield return Verdict("addClusterTags", problems, "415 for wrong content types, 400 for invalid JSON, nothing written", evidence);
    }
}
