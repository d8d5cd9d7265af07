namespace RapiConformance.Load.Operations;

/// <summary>
/// How paired operations (add/remove, create/delete) keep the cluster from growing without racing:
/// even requests create item k = s/2; odd requests remove the item created <see cref="Lag"/> pairs
/// earlier, whose job has had time to finish (two jobs submitted back to back may run in either
/// order on a server with several workers). The first odd requests have nothing old enough to
/// remove and create a spare item instead, so every request still submits one job.
/// </summary>
public static class PairSchedule
{
    public const long Lag = 64;

    /// <summary>(create, index): create item <c>index</c>, or remove it when <c>create</c> is false; spares are negative.</summary>
    public static (bool Create, long Item) For(long sequence)
    {
        if (sequence % 2 == 0) return (true, sequence / 2);
        var target = (sequence - 1) / 2 - Lag;
        return target >= 0 ? (false, target) : (true, -1 - (sequence - 1) / 2);
    }

    public static string Name(long item) => item >= 0 ? item.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : "spare" + (-1 - item).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
