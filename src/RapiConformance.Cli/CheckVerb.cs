using System.CommandLine;

namespace RapiConformance.Cli;

/// <summary>`check`: placeholder until its issue lands; it says so and exits 2.</summary>
internal static class CheckVerb
{
    public static Command Create()
    {
        var command = new Command("check", "Run a conformance suite against a RAPI server");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("rapi-conformance: 'check' is not built yet");
            return 2;
        });
        return command;
    }
}
