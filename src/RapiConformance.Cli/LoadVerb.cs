using System.CommandLine;

namespace RapiConformance.Cli;

/// <summary>`load`: placeholder until its issue lands; it says so and exits 2.</summary>
internal static class LoadVerb
{
    public static Command Create()
    {
        var command = new Command("load", "Generate load against a RAPI server (job submission, reads)");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("rapi-conformance: 'load' is not built yet");
            return 2;
        });
        return command;
    }
}
