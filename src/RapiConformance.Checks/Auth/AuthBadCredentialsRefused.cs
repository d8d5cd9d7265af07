using System.Runtime.CompilerServices;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>A wrong password, an unknown user, a malformed header or another scheme get 401, even on anonymous resources.</summary>
public sealed class AuthBadCredentialsRefused : Check
{
    public override string Id => "auth-bad-credentials";
    public override string Title => "Wrong or malformed credentials get 401";
    public override string Requirement => "A request whose Authorization check fails answers 401 with the Basic realm, even for a resource open to anonymous clients";
    public override string Source => "reference/protocol.md §4 (401), §5 (Scheme)";

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var user = context.Client.Options.Credentials?.User ?? "rc-user";
        var probes = new (string What, RapiRequest Request)[]
        {
            ("wrong password", RapiRequest.Get("/2/info") with { As = new Credentials(user, "rc-wrong-password"), Negative = true }),
            ("unknown user", RapiRequest.Get("/2/info") with { As = new Credentials("rc-no-such-user", "x"), Negative = true }),
            ("no colon in the credentials", RapiRequest.Get("/2/info") with { RawAuthorization = "Basic " + Convert.ToBase64String("rcnocolon"u8.ToArray()), Negative = true }),
            ("bad base64", RapiRequest.Get("/2/info") with { RawAuthorization = "Basic %%%not-base64%%%", Negative = true }),
            ("Digest scheme", RapiRequest.Get("/2/info") with { RawAuthorization = "Digest username=\"" + user + "\"", Negative = true }),
        };
        var problems = new List<string>();
        Exchange? evidence = null;
        foreach (var (what, request) in probes)
        {
            var exchange = await context.SendAsync(request, ct);
            evidence ??= exchange;
            if (AuthChallenge.Problem(exchange) is { } p) { problems.Add($"{what}: {p}"); evidence = exchange; }
        }
        yield return Verdict("getClusterInfo", problems, "every bad credential was refused with 401", evidence);
    }
}
