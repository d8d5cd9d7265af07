namespace RapiConformance.Server.Jobs;

/// <summary>Ganeti's job and opcode status values and how a job's status follows from its opcodes' (jobs.md).</summary>
public static class JobStatus
{
    public const string Queued = "queued";
    public const string Waiting = "waiting";
    public const string Running = "running";
    public const string Canceling = "canceling";
    public const string Canceled = "canceled";
    public const string Success = "success";
    public const string Error = "error";

    public static bool IsFinalized(string status) => status is Success or Error or Canceled;

    public static string Of(IReadOnlyList<string> opStatus)
    {
        if (opStatus.Contains(Error)) return Error;
        if (opStatus.Contains(Canceled)) return Canceled;
        if (opStatus.Contains(Canceling)) return Canceling;
        for (var i = opStatus.Count - 1; i >= 0; i--)
            if (opStatus[i] is Waiting or Running) return opStatus[i];
        if (opStatus.All(s => s == Success)) return Success;
        return Queued;
    }
}
