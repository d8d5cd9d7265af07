using System.CommandLine;

namespace RapiConformance.Cli;

/// <summary>`diff`: placeholder until its issue lands; it says so and exits 2.</summary>
internal static class DiffVerb
{
    public static Command Create()
    {
        var command = new Command("diff", "Compare two RAPI servers response by response");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("rapi-conformance: 'diff' is not built yet");
            return 2;
        });
        return command;
    }
}
