using System.Runtime.CompilerServices;
using RapiConformance.Client;
using RapiConformance.Spec;

namespace RapiConformance.Checks;

/// <summary>
/// Users get what their options allow on GETs: a 'read' user is refused [write] GETs with 403; a user
/// without options is refused [read, write] GETs with 403; a 'read' user may use them. Read-only safe.
/// </summary>
public sealed class AuthzOptionsEnforced : Check
{
    public override string Id => "authz-user-options";
    public override string Title => "User options decide access (403 for a valid user without the option)";
    public override string Requirement => "A valid user lacking the needed option gets 403 (message Forbidden); a user with 'read' may use [read, write] GETs";
    public override string Source => "reference/protocol.md §5 (access lists); samples 013, 037, 039";
    public override IReadOnlySet<string> Profiles => From25;

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        if (context.Users.Reader is null && context.Users.Plain is null)
        {
            yield return Skip(null, "no read-only or option-less user configured (--read-user, --plain-user)");
            yield break;
        }
        var facts = await context.FactsAsync();
        foreach (var op in context.Catalog.ForProfile(context.Profile).Where(o => o.Method == "GET" && o.Access != Access.Read))
        {
            var path = ExamplePaths.For(op, facts, 1).FirstOrDefault() ?? ExamplePaths.WithRequiredQuery(op, ExamplePaths.Filled(op.PathTemplate));
            var body = op.Id == "waitForJobChange" ? "{\"fields\":[\"status\"]}" : null;
            var problems = new List<string>();
            Exchange? evidence = null;
            if (op.Access == Access.Write && context.Users.Reader is { } reader)
            {
                var e = await context.SendAsync(new RapiRequest("GET", path) { As = reader, Body = body, Negative = true }, ct);
                evidence = e;
                if (e.Status != 403) problems.Add($"read-only user: expected 403, got {e.Status?.ToString() ?? e.TransportError}");
            }
            if (op.Access == Access.ReadAuthenticated)
            {
                if (context.Users.Plain is { } plain)
                {
                    var e = await context.SendAsync(new RapiRequest("GET", path) { As = plain, Negative = true }, ct);
                    evidence = e;
                    if (e.Status != 403) problems.Add($"user without options: expected 403, got {e.Status?.ToString() ?? e.TransportError}");
                }
                if (context.Users.Reader is { } r)
                {
                    var e = await context.SendAsync(new RapiRequest("GET", path) { As = r }, ct);
                    if (e.Status is 401 or 403) { problems.Add($"read-only user refused with {e.Status}"); evidence = e; }
                    evidence ??= e;
                }
            }
            if (evidence is null) continue;
            yield return Verdict(op.Id, problems, "access follows the user's options", evidence);
        }
    }
}
