using System.Globalization;
using RapiConformance.Client;
using JobWaiter = RapiConformance.Generation.Oracle.JobWaiter;

namespace RapiConformance.Generation.Running;

/// <summary>
/// Write scope "own", at the end of every run (also after a failure, a time-out or Ctrl-C): removes every
/// instance, network, group and cluster tag named with the own prefix, then reads the other entities again
/// and says whether they are as they were before the run. It has its own time limit and never uses the
/// run's (possibly cancelled) token.
/// </summary>
public static class OwnCleanup
{
    public static async Task<string> RunAsync(RapiClient client, ForeignState? before, TimeSpan jobTimeout, TimeSpan limit, Func<string, bool>? available = null)
    {
        using var cts = new CancellationTokenSource(limit);
        var ct = cts.Token;
        var removed = new List<string>();
        var problems = new List<string>();
        try
        {
            foreach (var (kind, list, key, item, listOp) in new[]
                     {
                         ("instance", "/2/instances", "id", "/2/instances/", "listInstances"),
                         ("network", "/2/networks", "name", "/2/networks/", "listNetworks"),
                         ("group", "/2/groups", "name", "/2/groups/", "listGroups"),
                     })
            {
                if (available is not null && !available(listOp)) continue; // not in the profile
                var own = (await OwnFixture.NamesAsync(client, list, key, ct)).Where(OwnEntities.Owns).ToList();
                var done = 0;
                foreach (var name in own)
                {
                    if (await RunJobAsync(client, RapiRequest.Delete(item + name), jobTimeout, ct) is { } problem) problems.Add($"{kind} {name}: {problem}");
                    else done++;
                }
                removed.Add($"{done} {kind}(s)");
            }
            var tags = (await OwnFixture.NamesAsync(client, "/2/tags", null, ct)).Where(OwnEntities.Owns).ToList();
            if (tags.Count > 0)
            {
                var query = string.Join("&", tags.Select(t => "tag=" + Uri.EscapeDataString(t)));
                if (await RunJobAsync(client, RapiRequest.Delete("/2/tags?" + query), jobTimeout, ct) is { } problem) problems.Add($"cluster tags: {problem}");
            }
            removed.Add($"{tags.Count.ToString(CultureInfo.InvariantCulture)} cluster tag(s)");
            var after = await ForeignState.ReadAsync(client, ct, available);
            var others = before is null || after is null ? "other entities not compared (could not read them)"
                : after.DifferenceFrom(before) is { } diff ? "other entities CHANGED: " + diff
                : "other instances, groups, networks and tags unchanged";
            return $"cleanup: removed {string.Join(", ", removed)} named {OwnEntities.Prefix}*; {others}" +
                   (problems.Count == 0 ? "" : $"; NOT removed: {string.Join("; ", problems)}");
        }
        catch (OperationCanceledException)
        {
            return $"cleanup: stopped after {limit.TotalSeconds:0} s; removed {string.Join(", ", removed)}; left: run it again (fuzz --write-scope own --examples 1) to finish";
        }
    }

    private static async Task<string?> RunJobAsync(RapiClient client, RapiRequest request, TimeSpan jobTimeout, CancellationToken ct)
    {
        var answer = await client.SendAsync(request, ct);
        if (answer.Status is not (>= 200 and < 300) || !JobWaiter.TryJobId(answer.ResponseBody, out var id)) return answer.Brief();
        var (outcome, _, _) = await new JobWaiter(client, jobTimeout).WaitAsync(id, ct);
        return outcome.Succeeded ? null : outcome.ToString();
    }
}
