using RapiConformance.Generation.Running;

namespace RapiConformance.Cli;

/// <summary>Prints a fuzz report to the console: the figures, then each failure with its shrunk input, answer, curl and replay.</summary>
internal static class FuzzConsole
{
    public static void Print(FuzzReport r)
    {
        Console.WriteLine($"{r.Cases} cases, {r.Requests} requests in {r.DurationSeconds:0.0} s ({r.RequestsPerSecond:0} req/s); " +
                          $"{r.Sequences} stateful sequences ({r.SequenceSteps} steps); statuses {string.Join(" ", r.StatusCounts.Select(kv => $"{kv.Key}:{kv.Value}"))}");
        if (r.WithheldCases > 0) Console.WriteLine($"{r.WithheldCases} generated case(s) not sent: write scope '{r.WriteScope}' does not allow them");
        if (r.DroppedFalsePositives > 0) Console.WriteLine($"{r.DroppedFalsePositives} finding(s) dropped: the shrunk request was valid per the spec");
        foreach (var o in r.Observations.Take(10)) Console.WriteLine($"note: {o.Kind} {o.OperationId} x{o.Count}");
        if (r.Failures.Count == 0)
        {
            Console.WriteLine("no failures");
            return;
        }
        Console.WriteLine($"{r.Failures.Count} failure(s):");
        foreach (var f in r.Failures)
        {
            Console.WriteLine();
            Console.WriteLine($"FAIL {f.Kind} [{f.Phase}] {f.OperationId}: {f.Message}");
            Console.WriteLine($"  shrunk input ({f.ShrinkSteps} shrink steps):");
            foreach (var line in f.ShrunkInput.Split('\n')) Console.WriteLine("    " + line);
            if (f.Exchanges.Count > 0) Console.WriteLine($"  response: {f.Exchanges[^1].Status} {Cut(f.Exchanges[^1].ResponseBody)}");
            Console.WriteLine($"  curl: {f.Curl}");
            Console.WriteLine($"  replay: {f.Replay}");
        }
    }

    private static string Cut(string s) => s.Length > 300 ? s[..300] + "..." : s;
}
