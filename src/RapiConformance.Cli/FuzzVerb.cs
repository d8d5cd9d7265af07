using System.CommandLine;

namespace RapiConformance.Cli;

/// <summary>`fuzz`: placeholder until its issue lands; it says so and exits 2.</summary>
internal static class FuzzVerb
{
    public static Command Create()
    {
        var command = new Command("fuzz", "Fuzz a RAPI server from the spec (FsCheck)");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("rapi-conformance: 'fuzz' is not built yet");
            return 2;
        });
        return command;
    }
}
