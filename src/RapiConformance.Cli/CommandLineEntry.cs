using System.CommandLine;

namespace RapiConformance.Cli;

/// <summary>Runs the parser so that usage errors are one line on stderr and exit code 2.</summary>
internal static class CommandLineEntry
{
    public const int UsageError = 2;

    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine($"rapi-conformance: {parse.Errors[0].Message} (see --help)");
            return UsageError;
        }
        try
        {
            return await parse.InvokeAsync();
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"rapi-conformance: {e.Message}");
            return UsageError;
        }
    }
}

/// <summary>Thrown by a verb for a bad value the parser could not catch; printed as one line, exit 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
