using System.CommandLine;

namespace RapiConformance.Cli;

/// <summary>`serve`: placeholder until its issue lands; it says so and exits 2.</summary>
internal static class ServeVerb
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the reference RAPI server over a simulated Ganeti cluster");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("rapi-conformance: 'serve' is not built yet");
            return 2;
        });
        return command;
    }
}
