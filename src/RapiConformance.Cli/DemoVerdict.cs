namespace RapiConformance.Cli;

/// <summary>
/// The demo's exit code and summary line from its two parts: the must checks and the fuzz budget. Either
/// one failing makes the demo fail (exit 1); a usage or connection problem of the checks (2) wins.
/// </summary>
public static class DemoVerdict
{
    public static (int ExitCode, string Line) Of(int checksExitCode, int fuzzFailures)
    {
        var checks = checksExitCode == 0
            ? "the reference server passed every must check"
            : "the reference server FAILED must checks";
        var fuzz = fuzzFailures switch
        {
            < 0 => "",
            0 => " and the fuzz budget found nothing",
            _ => $"{(checksExitCode == 0 ? " but" : " and")} the fuzz budget found {fuzzFailures} failure(s)",
        };
        var exit = checksExitCode != 0 ? checksExitCode : fuzzFailures > 0 ? 1 : 0;
        return (exit, $"demo: {checks}{fuzz}{(exit == 0 ? "" : " (see the report)")}");
    }
}
