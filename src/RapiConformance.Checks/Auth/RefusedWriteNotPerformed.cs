using System.Runtime.CompilerServices;
using System.Text.Json;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>
/// Writes by anonymous clients, bad passwords and users without 'write' are refused (401/403), and the state
/// read back afterwards shows they were not performed.
/// </summary>
public sealed class RefusedWriteNotPerformed : Check
{
    public override string Id => "authz-refused-write-not-performed";
    public override string Title => "Refused writes are refused and never performed";
    public override string Requirement => "A write without valid credentials answers 401, by a user without 'write' 403, and the state does not change";
    public override string Source => "reference/protocol.md §5 (access lists: [write] for every PUT/POST/DELETE)";
    public override bool Writes => true;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var user = context.Client.Options.Credentials?.User ?? "rc-user";
        var attempts = new List<(string Who, Credentials? As, int Expected)>
        {
            ("anonymous", null, 401),
            ("wrong password", new Credentials(user, "rc-wrong-password"), 401),
        };
        if (context.Users.Reader is { } reader) attempts.Add(("read-only user", reader, 403));
        if (context.Users.Plain is { } plain) attempts.Add(("user without options", plain, 403));

        // Cluster tags: one distinct tag per attempt, none may appear.
        var tagProblems = new List<string>();
        Exchange? tagEvidence = null;
        var tags = new List<string>();
        foreach (var (who, creds, expected) in attempts)
        {
            var tag = context.Name("refused-" + who.Replace(' ', '-'));
            tags.Add(tag);
            var e = await Attempt(context, RapiRequest.Put(Query.Path("/2/tags", ("tag", tag))), creds, ct);
            tagEvidence ??= e;
            if (e.Status != expected) { tagProblems.Add($"{who}: expected {expected}, got {e.Status?.ToString() ?? e.TransportError}"); tagEvidence = e; }
        }
        var now = await context.SendAsync(RapiRequest.Get("/2/tags"), ct);
        var present = Strings(now.Json()).Intersect(tags).ToList();
        if (present.Count > 0) { tagProblems.Add("refused tag(s) were added anyway: " + string.Join(", ", present)); tagEvidence = now; }
        yield return Verdict("addClusterTags", tagProblems, $"{attempts.Count} refused tag writes, no tag added", tagEvidence);

        if (context.HasOperation("createGroup"))
        {
            var group = context.Name("refused-group");
            var problems = new List<string>();
            Exchange? evidence = null;
            foreach (var (who, creds, expected) in attempts)
            {
                var e = await Attempt(context, RapiRequest.Post("/2/groups", JsonSerializer.Serialize(new { group_name = group })), creds, ct);
                evidence ??= e;
                if (e.Status != expected) { problems.Add($"{who}: expected {expected}, got {e.Status?.ToString() ?? e.TransportError}"); evidence = e; }
            }
            var check = await context.SendAsync(RapiRequest.Get($"/2/groups/{group}") with { Negative = true }, ct);
            if (check.Status != 404) { problems.Add($"the refused group exists afterwards (GET answered {check.Status})"); evidence = check; context.Cleanup.Register("group:" + group, t => context.SendAsync(RapiRequest.Delete($"/2/groups/{group}"), t)); }
            yield return Verdict("createGroup", problems, "refused group creations created nothing", evidence);
        }

        var facts = await context.FactsAsync();
        if (facts.Instances.Count > 0)
        {
            var instance = facts.Instances[0];
            var problems = new List<string>();
            Exchange? evidence = null;
            foreach (var (who, creds, expected) in attempts)
            {
                var e = await Attempt(context, RapiRequest.Delete($"/2/instances/{instance}"), creds, ct);
                evidence ??= e;
                if (e.Status != expected) { problems.Add($"{who}: expected {expected}, got {e.Status?.ToString() ?? e.TransportError}"); evidence = e; }
            }
            var check = await context.SendAsync(RapiRequest.Get($"/2/instances/{instance}"), ct);
            if (check.Status != 200) { problems.Add($"instance {instance} is gone after refused deletes (GET answered {check.Status})"); evidence = check; }
            yield return Verdict("deleteInstance", problems, "refused instance deletions deleted nothing", evidence);
        }
    }

    /// <summary>Sends a refused write; if the server wrongly accepts it with a job, waits for the job so the read-back is fair.</summary>
    private static async Task<Exchange> Attempt(CheckContext context, RapiRequest request, Credentials? who, CancellationToken ct)
    {
        var e = await context.SendAsync(request with { As = who, Anonymous = who is null, Negative = true }, ct);
        if (e.IsSuccess && JobWaiter.TryReadJobId(e.Json(), out var id)) await context.Jobs.WaitAsync(id, context.JobTimeout, ct);
        return e;
    }

    private static IEnumerable<string> Strings(JsonElement? e) =>
        e is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!) : [];
}
