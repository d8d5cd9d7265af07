using System.Runtime.CompilerServices;
using RapiConformance.Client;

namespace RapiConformance.Checks;

/// <summary>A user whose password is stored as {HA1} logs in with the clear password, and not with a wrong one.</summary>
public sealed class AuthHa1User : Check
{
    public override string Id => "auth-ha1-user";
    public override string Title => "{HA1}-hashed passwords are accepted";
    public override string Requirement => "A users-file entry {HA1}md5(user:Ganeti Remote API:password) authenticates with the clear password";
    public override string Source => "reference/protocol.md §5 (Password schemes)";

    public override async IAsyncEnumerable<CheckResult> RunAsync(CheckContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        if (context.Users.Ha1 is not { } ha1)
        {
            yield return Skip("getClusterInfo", "no {HA1} user configured (--ha1-user USER:PASSWORD)");
            yield break;
        }
        var good = await context.SendAsync(RapiRequest.Get("/2/info") with { As = ha1 }, ct);
        var bad = await context.SendAsync(RapiRequest.Get("/2/info") with { As = ha1 with { Password = ha1.Password + "x" }, Negative = true }, ct);
        var problems = new List<string>();
        if (good.Status != 200) problems.Add($"with the right password: expected 200, got {good.Status?.ToString() ?? good.TransportError}");
        if (AuthChallenge.Problem(bad) is { } p) problems.Add("with a wrong password: " + p);
        yield return Verdict("getClusterInfo", problems, "the {HA1} user logs in with its password and not without it", problems.Count > 0 && good.Status == 200 ? bad : good);
    }
}
