using System.CommandLine;
using System.Security.Cryptography;
using RapiConformance.Checks;
using RapiConformance.Client;
using RapiConformance.Reports;
using RapiConformance.Runner;
using RapiConformance.Server;
using RapiConformance.Spec;

namespace RapiConformance.Cli;

/// <summary>
/// `demo` (what ./run.sh runs with no argument): start the reference server in-process on a free loopback
/// port with a generated users file, run the full suite against it, write the reports, print the summary
/// and the HTML path, stop the server.
/// </summary>
internal static class DemoVerb
{
    public static Command Create()
    {
        var profile = new Option<string>("--profile") { Description = "Profile of the reference server: 2.0, 2.5 or 3.0", DefaultValueFactory = _ => "3.0" };
        var suite = new Option<string>("--suite") { Description = "Suite to run", DefaultValueFactory = _ => "full" };
        var seed = new Option<int>("--seed") { Description = "Seed for the server's cluster and the run", DefaultValueFactory = _ => 1 };
        var report = new Option<string?>("--report") { Description = "Report directory (default reports/<timestamp>)" };
        var command = new Command("demo", "Start the reference server, run the full suite (and the fuzz budget) against it, write reports") { profile, suite, seed, report };
        command.SetAction(async (parse, ct) =>
        {
            if (!Profile.TryParse(parse.GetValue(profile), out var p))
                return Usage($"--profile: unknown profile '{parse.GetValue(profile)}' (expected 2.0, 2.5 or 3.0)");
            Suite s;
            try { s = SuiteLoader.Load(parse.GetValue(suite)!); }
            catch (ArgumentException e) { return Usage("--suite: " + e.Message); }
            return await RunAsync(p, s, parse.GetValue(seed), parse.GetValue(report), Console.Out, ct);
        });
        return command;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"rapi-conformance: {message}");
        return CommandLineEntry.UsageError;
    }

    public static async Task<int> RunAsync(Profile profile, Suite suite, int seed, string? reportDirectory, TextWriter output, CancellationToken ct)
    {
        var scratch = Directory.CreateTempSubdirectory("rapi-demo-");
        try
        {
            var users = DemoUsers.Create();
            var usersFile = Path.Combine(scratch.FullName, "users");
            await File.WriteAllTextAsync(usersFile, users.FileText, ct);
            output.WriteLine($"demo: starting the reference server (profile {profile}) on a free loopback port");
            await using var server = await ReferenceServer.StartAsync(new ServerOptions
            {
                Profile = profile, Bind = "127.0.0.1", Port = 0, UseTls = false,
                StateDirectory = Path.Combine(scratch.FullName, "state"), UsersFile = usersFile,
                Nodes = 3, Instances = 10, Seed = seed,
            }, ct);
            output.WriteLine($"demo: server at {server.BaseUri}; running suite '{suite.Name}'");
            var options = new RunOptions
            {
                Client = new RapiClientOptions { BaseUri = server.BaseUri, Credentials = users.Writer },
                Suite = suite,
                Profile = profile,
                Seed = seed,
                Users = new TargetUsers { Reader = users.Reader, Plain = users.Plain, Ha1 = users.Ha1 },
            };
            var fuzzFailures = -1;
            var outcome = await CheckSession.RunAsync(options, reportDirectory, null, output, quiet: false, ct,
                extend: async (report, token) =>
                {
                    var (extended, failures) = await FuzzBudgetAsync(server.BaseUri, users, report, token);
                    fuzzFailures = failures;
                    return extended;
                });
            var (exitCode, line) = DemoVerdict.Of(outcome.ExitCode, fuzzFailures);
            output.WriteLine(line);
            return exitCode;
        }
        finally
        {
            try { scratch.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The demo's fixed fuzz budget (20 s, the run's seed) against the running server; findings go into the report's fuzz section.</summary>
    private static async Task<(RunReport Report, int Failures)> FuzzBudgetAsync(Uri target, DemoUsers users, RunReport report, CancellationToken ct)
    {
        using var sender = Generation.Http.FuzzClient.Create(target, users.Writer);
        var options = new Generation.Running.FuzzOptions
        {
            Profile = Profile.Parse(report.Profile), Seed = (ulong)Math.Max(0, report.Seed), Budget = TimeSpan.FromSeconds(20), Workers = 8,
            WriteScope = Generation.Running.WriteScope.All, // the demo's own throw-away server
        };
        var fuzz = await new Generation.Running.FuzzRun(SpecCatalog.Default, sender, options, users.Writer.User).RunAsync(ct);
        Console.WriteLine(FuzzFindings.Summary(fuzz));
        return (report with { Notes = [.. report.Notes, FuzzFindings.Summary(fuzz)], Fuzz = FuzzFindings.From(fuzz, users.Writer.User) }, fuzz.Failures.Count);
    }

    /// <summary>The demo's users: a writer, a reader, a user without options and an {HA1} reader, with random passwords.</summary>
    internal sealed record DemoUsers(Credentials Writer, Credentials Reader, Credentials Plain, Credentials Ha1, string FileText)
    {
        public static DemoUsers Create()
        {
            static string Secret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
            var writer = new Credentials("rc-writer", Secret());
            var reader = new Credentials("rc-reader", Secret());
            var plain = new Credentials("rc-plain", Secret());
            var ha1 = new Credentials("rc-ha1", Secret());
#pragma warning disable CA5351 // Ganeti's {HA1} format is defined as MD5; this is not our choice of hash.
            var hash = Convert.ToHexString(MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{ha1.User}:Ganeti Remote API:{ha1.Password}"))).ToLowerInvariant();
#pragma warning restore CA5351
            var text = "# generated by rapi-conformance demo\n"
                       + $"{writer.User} {writer.Password} write\n"
                       + $"{reader.User} {reader.Password} read\n"
                       + $"{plain.User} {plain.Password}\n"
                       + $"{ha1.User} {{HA1}}{hash} read\n";
            return new DemoUsers(writer, reader, plain, ha1, text);
        }
    }
}
