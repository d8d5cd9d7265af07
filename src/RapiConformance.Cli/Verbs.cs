using System.CommandLine;

namespace RapiConformance.Cli;

/// <summary>The verbs of the CLI; each lives in its own file and is owned by its concern.</summary>
internal static class Verbs
{
    public static IEnumerable<Command> All() =>
    [
        SpecVerb.Create(),
        ServeVerb.Create(),
        CheckVerb.Create(),
        FuzzVerb.Create(),
        LoadVerb.Create(),
        DiffVerb.Create(),
        DemoVerb.Create(),
    ];
}
