namespace RapiConformance.Generation.Oracle;

/// <summary>The final state of a job the fuzzer waited for; ErrorClass/Classification come from the failed opresult.</summary>
public sealed record JobOutcome(long JobId, string Status, string? ErrorClass, string? Classification, string Body)
{
    public bool Succeeded => Status == "success";

    public bool Finished => Status is "success" or "error" or "canceled";

    public override string ToString() =>
        $"job {JobId} {Status}" + (ErrorClass is null ? "" : $" ({ErrorClass}{(Classification is null ? "" : ", " + Classification)})");
}
