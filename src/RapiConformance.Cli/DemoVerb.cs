using System.CommandLine;

namespace RapiConformance.Cli;

/// <summary>`demo`: placeholder until the harness lands; it says so and exits 2.</summary>
internal static class DemoVerb
{
    public static Command Create()
    {
        var command = new Command("demo", "Start the reference server, run the full suite and a fuzz budget against it, write reports");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("rapi-conformance: 'demo' is not built yet");
            return 2;
        });
        return command;
    }
}
