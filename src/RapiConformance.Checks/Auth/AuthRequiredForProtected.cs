using System.Runtime.CompilerServices;
using RapiConformance.Client;
using RapiConformance.Spec;

namespace RapiConformance.Checks;

/// <summary>Anonymous GETs of protected resources get 401 with the Basic realm challenge (read-only safe).</summary>
public sealed class AuthRequiredForProtected : Check
{
    public override string Id => "auth-required";
    public override string Title => "Protected resources refuse anonymous clients with a Basic challenge";
    public override string Requirement => "Operations with access [write] or [read, write] answer 401 with WWW-Authenticate: Basic realm=\"Ganeti Remote API\" when no credentials are sent";
    public override string Source => "reference/protocol.md §5 (access lists, realm)";

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var ops = context.Catalog.ForProfile(context.Profile)
            .Where(o => o.Access != Access.Read && o.Method == "GET")
            .ToList();
        if (ops.Count == 0) yield return Skip(null, $"profile {context.Profile} has no protected GET operation to probe");
        foreach (var op in ops)
        {
            var path = ExamplePaths.WithRequiredQuery(op, ExamplePaths.Filled(op.PathTemplate, "rc-auth-probe"));
            var request = new RapiRequest(op.Method, path) { Anonymous = true, Negative = true, Body = op.Id == "waitForJobChange" ? "{\"fields\":[\"status\"]}" : null };
            var exchange = await context.SendAsync(request, ct);
            var problem = AuthChallenge.Problem(exchange);
            yield return problem is null ? Pass(op.Id, "anonymous request refused with the Basic challenge", exchange) : Fail(op.Id, $"anonymous {op.Method} {path}: {problem}", exchange);
        }
    }
}
