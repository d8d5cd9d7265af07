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
            // Our own handler below: one line, never a stack trace (set RAPI_CONFORMANCE_DEBUG=1 to see one).
            // After Ctrl-C a verb gets time to finish its clean-up (fuzz --write-scope own removes what it created).
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = Generation.Running.FuzzRun.CleanupLimit + TimeSpan.FromSeconds(30),
            });
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"rapi-conformance: {e.Message}");
            return UsageError;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("rapi-conformance: cancelled");
            return UsageError;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or System.Net.Sockets.SocketException
                                     or UnauthorizedAccessException or TimeoutException or InvalidDataException)
        {
            Console.Error.WriteLine($"rapi-conformance: {e.Message}");
            return UsageError;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"rapi-conformance: internal error: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("RAPI_CONFORMANCE_DEBUG") == "1") Console.Error.WriteLine(e);
            return UsageError;
        }
    }
}

/// <summary>Thrown by a verb for a bad value the parser could not catch; printed as one line, exit 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
