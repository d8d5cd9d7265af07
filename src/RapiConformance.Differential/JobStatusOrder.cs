namespace RapiConformance.Differential;

/// <summary>
/// Whether an observed sequence of job statuses is a legal progression (jobs.md): queued, waiting,
/// running, then one final status; canceling only before canceled. Polling may skip any of them.
/// </summary>
public static class JobStatusOrder
{
    private static readonly Dictionary<string, int> Rank = new(StringComparer.Ordinal)
    {
        ["queued"] = 0, ["waiting"] = 1, ["canceling"] = 2, ["running"] = 2, ["success"] = 3, ["error"] = 3, ["canceled"] = 3,
    };

    public static bool IsValid(IReadOnlyList<string> statuses)
    {
        var last = -1;
        for (var i = 0; i < statuses.Count; i++)
        {
            if (!Rank.TryGetValue(statuses[i], out var rank) || rank < last || (last == 3))
            {
                return false;
            }
            if (statuses[i] == "canceling" && i + 1 < statuses.Count && statuses[i + 1] != "canceled")
            {
                return false;
            }
            last = rank;
        }
        return true;
    }
}
