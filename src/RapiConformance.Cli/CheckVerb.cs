using System.CommandLine;
using RapiConformance.Checks;
using RapiConformance.Client;
using RapiConformance.Runner;
using RapiConformance.Spec;

namespace RapiConformance.Cli;

/// <summary>`check`: run a conformance suite against any RAPI server and write the reports. Exit 0 clean, 1 must failure, 2 usage/connection.</summary>
internal static class CheckVerb
{
    public static Command Create()
    {
        var target = new Option<string>("--target") { Description = "Base URL of the RAPI server, e.g. https://cluster:5080", Required = true };
        var user = new Option<string?>("--user") { Description = "User name (HTTP Basic); full needs the 'write' option" };
        var password = new Option<string?>("--password") { Description = "Password (default: $RAPI_PASSWORD)" };
        var insecure = new Option<bool>("--insecure") { Description = "Accept any TLS certificate" };
        var caCert = new Option<string?>("--ca-cert") { Description = "Trust this CA certificate (PEM or DER) for the server" };
        var profile = new Option<string>("--profile") { Description = "2.0, 2.5, 3.0 or auto", DefaultValueFactory = _ => "auto" };
        var suite = new Option<string>("--suite") { Description = "smoke, readonly, full or a suite YAML file", DefaultValueFactory = _ => "readonly" };
        var seed = new Option<int>("--seed") { Description = "Seed for names and sampling (same seed, same run)", DefaultValueFactory = _ => 1 };
        var concurrency = new Option<int?>("--concurrency") { Description = "Checks run at once (default: the suite's)" };
        var rate = new Option<double?>("--rate") { Description = "At most this many requests per second" };
        var report = new Option<string?>("--report") { Description = "Report directory (default reports/<timestamp>)" };
        var baseline = new Option<string?>("--baseline") { Description = "An earlier report.json: exit 1 only for new failures" };
        var known = new Option<string?>("--known-deviations") { Description = "YAML list of expected failures {check, operation, reason}" };
        var timeout = new Option<double?>("--timeout") { Description = "Per-request time-out in seconds (default: the suite's)" };
        var readUser = new Option<string?>("--read-user") { Description = "USER:PASSWORD of a user with only the 'read' option (authorisation checks)" };
        var plainUser = new Option<string?>("--plain-user") { Description = "USER:PASSWORD of a user without options (authorisation checks)" };
        var ha1User = new Option<string?>("--ha1-user") { Description = "USER:PASSWORD of a user stored as {HA1} (authentication checks)" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress or summary output" };
        var command = new Command("check", "Run a conformance suite against a RAPI server and write report.json, junit.xml and report.html")
        {
            target, user, password, insecure, caCert, profile, suite, seed, concurrency, rate, report, baseline, known, timeout, readUser, plainUser, ha1User, quiet,
        };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                return await RunAsync(parse, ct);
            }
            catch (UsageException e)
            {
                Console.Error.WriteLine($"rapi-conformance: {e.Message}");
                return CommandLineEntry.UsageError;
            }
        });
        return command;

        async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
        {
            if (!Uri.TryCreate(parse.GetValue(target), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new UsageException($"--target: '{parse.GetValue(target)}' is not an http(s) URL");
            var profileText = parse.GetValue(profile)!;
            Profile? chosen = null;
            if (profileText != "auto")
                chosen = Profile.TryParse(profileText, out var p) ? p : throw new UsageException($"--profile: unknown profile '{profileText}' (expected 2.0, 2.5, 3.0 or auto)");
            Suite suiteValue;
            try { suiteValue = SuiteLoader.Load(parse.GetValue(suite)!); }
            catch (Exception e) when (e is ArgumentException or YamlDotNet.Core.YamlException) { throw new UsageException("--suite: " + e.Message); }
            var userName = parse.GetValue(user);
            var secret = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("RAPI_PASSWORD");
            if (userName is not null && secret is null) throw new UsageException("--user needs --password or $RAPI_PASSWORD");
            var caPath = parse.GetValue(caCert);
            if (caPath is not null && !File.Exists(caPath)) throw new UsageException($"--ca-cert: file not found: {caPath}");
            var knownPath = parse.GetValue(known);
            var baselinePath = parse.GetValue(baseline);
            if (baselinePath is not null && !File.Exists(baselinePath)) throw new UsageException($"--baseline: file not found: {baselinePath}");
            var options = new RunOptions
            {
                Client = new RapiClientOptions
                {
                    BaseUri = uri,
                    Credentials = userName is null ? null : new Credentials(userName, secret!),
                    Insecure = parse.GetValue(insecure),
                    CaCertificatePath = caPath,
                    RatePerSecond = parse.GetValue(rate),
                },
                Suite = suiteValue,
                Profile = chosen,
                Seed = parse.GetValue(seed),
                Concurrency = parse.GetValue(concurrency),
                RequestTimeout = parse.GetValue(timeout) is { } t ? TimeSpan.FromSeconds(t) : null,
                Users = new TargetUsers
                {
                    Reader = ParseUser(parse.GetValue(readUser), "--read-user"),
                    Plain = ParseUser(parse.GetValue(plainUser), "--plain-user"),
                    Ha1 = ParseUser(parse.GetValue(ha1User), "--ha1-user"),
                },
                KnownDeviations = knownPath is null ? KnownDeviations.None : LoadKnown(knownPath),
            };
            try
            {
                var outcome = await CheckSession.RunAsync(options, parse.GetValue(report), baselinePath, Console.Out, parse.GetValue(quiet), ct);
                return outcome.ExitCode;
            }
            catch (TargetUnreachableException e)
            {
                Console.Error.WriteLine($"rapi-conformance: {e.Message}");
                return CommandLineEntry.UsageError;
            }
        }
    }

    private static Credentials? ParseUser(string? text, string option)
    {
        if (text is null) return null;
        try { return Credentials.Parse(text); }
        catch (FormatException e) { throw new UsageException($"{option}: {e.Message}"); }
    }

    private static KnownDeviations LoadKnown(string path)
    {
        try { return KnownDeviations.Load(path); }
        catch (Exception e) when (e is IOException or InvalidDataException or YamlDotNet.Core.YamlException) { throw new UsageException("--known-deviations: " + e.Message); }
    }
}
