using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using RapiConformance.Client;
using RapiConformance.Generation.Http;
using RapiConformance.Generation.Reporting;
using RapiConformance.Generation.Running;
using RapiConformance.Reports;
using RapiConformance.Spec;

namespace RapiConformance.Cli;

/// <summary>`fuzz`: FsCheck-driven contract fuzzing of a RAPI server from the spec, stateful and stateless.</summary>
internal static class FuzzVerb
{
    public static Command Create()
    {
        var target = new Option<string>("--target") { Description = "Base URL of the RAPI server, e.g. https://cluster:5080/", Required = true };
        var user = new Option<string?>("--user") { Description = "RAPI user (needs the write option unless --readonly)" };
        var password = new Option<string?>("--password") { Description = "Password of --user (or set RAPI_PASSWORD)" };
        var insecure = new Option<bool>("--insecure") { Description = "Accept any TLS certificate" };
        var budget = new Option<string?>("--budget") { Description = "Time budget: 60s, 5m, 1h (default 60s)" };
        var examples = new Option<int?>("--examples") { Description = "Number of stateless cases instead of a time budget" };
        var seed = new Option<string?>("--seed") { Description = "Seed (an unsigned integer); a random one is printed when absent" };
        var operations = new Option<string?>("--operations") { Description = "Operation ids to fuzz: regex or glob (createInstance, *Group*), comma-separated" };
        var readOnly = new Option<bool>("--readonly") { Description = "Generate only reads (GETs that change nothing)" };
        var profile = new Option<string>("--profile") { Description = "Spec profile: 2.0, 2.5 or 3.0", DefaultValueFactory = _ => "3.0" };
        var report = new Option<string?>("--report") { Description = "Directory for fuzz.json and fuzz.html" };
        var replay = new Option<string?>("--replay") { Description = "Rerun: SEED (the whole run, one worker), SEED:INDEX (one stateless case) or SEED:sINDEX (one stateful sequence)" };
        var workers = new Option<int>("--workers") { Description = "Requests in flight at once", DefaultValueFactory = _ => 8 };
        var noStateful = new Option<bool>("--no-stateful") { Description = "Skip the stateful (model-based) phase" };
        var noStateless = new Option<bool>("--no-stateless") { Description = "Skip the stateless phase" };
        var writeScope = new Option<string>("--write-scope")
        {
            Description = "Where writes may act: 'own' (default: only on entities the fuzzer creates, named rcfz-*; other writes with " +
                          "?dry-run=1 or not sent; a clean-up phase removes what it created) or 'all' (anywhere: a throw-away reference server)",
            DefaultValueFactory = _ => "own",
        };
        writeScope.AcceptOnlyFromAmong("own", "all");

        var command = new Command("fuzz", "Fuzz a RAPI server from the spec (FsCheck): valid and mutated requests, stateful sequences, shrunk failures")
        {
            target, user, password, insecure, budget, examples, seed, operations, readOnly, profile, report, replay, workers, noStateful, noStateless, writeScope,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await RunAsync(parse, cancellationToken);
            }
            catch (UsageException e)
            {
                Console.Error.WriteLine($"rapi-conformance: {e.Message}");
                return CommandLineEntry.UsageError;
            }
        });
        return command;

        async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
        {
            if (!Uri.TryCreate(parse.GetValue(target), UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
                throw new UsageException($"--target: '{parse.GetValue(target)}' is not an http(s) URL");
            if (!baseUri.AbsolutePath.EndsWith('/')) baseUri = new Uri(baseUri + "/");
            if (!Profile.TryParse(parse.GetValue(profile), out var p)) throw new UsageException($"--profile: unknown profile '{parse.GetValue(profile)}'");
            if (parse.GetValue(budget) is not null && parse.GetValue(examples) is not null) throw new UsageException("--budget and --examples exclude each other");
            var options = new FuzzOptions
            {
                Profile = p,
                Operations = parse.GetValue(operations),
                ReadOnly = parse.GetValue(readOnly),
                Budget = parse.GetValue(budget) is { } b ? ParseBudget(b) : null,
                Examples = parse.GetValue(examples) is { } n ? (n > 0 ? n : throw new UsageException("--examples must be positive")) : null,
                Seed = parse.GetValue(seed) is { } s ? ParseSeed(s, "--seed") : BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) % 1_000_000_000,
                Workers = Math.Clamp(parse.GetValue(workers), 1, 256),
                Stateful = !parse.GetValue(noStateful),
                Stateless = !parse.GetValue(noStateless),
                WriteScope = parse.GetValue(writeScope) == "all" ? WriteScope.All : WriteScope.Own,
            };
            if (parse.GetValue(replay) is { } token) options = ApplyReplay(options, token);
            var userName = parse.GetValue(user);
            var secret = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("RAPI_PASSWORD");
            using var sender = FuzzClient.Create(baseUri, userName is null ? null : new Credentials(userName, secret ?? ""), parse.GetValue(insecure));
            var probe = await sender.SendAsync(RapiRequest.Get("/2/info"), cancellationToken);
            if (probe.TransportError is not null) throw new UsageException($"cannot reach {baseUri}: {probe.TransportError}");

            Console.WriteLine($"fuzz: {baseUri} profile {p.Name} seed {options.Seed}" +
                              (options.Examples is { } ex ? $", {ex} cases" : $", budget {(options.Budget ?? TimeSpan.FromSeconds(60)).TotalSeconds:0} s") +
                              (options.ReadOnly ? ", read-only" : options.OwnOnly ? $", writes only on own entities ({OwnEntities.Prefix}*)" : ", writes anywhere"));
            var result = await new FuzzRun(SpecCatalog.Default, sender, options, userName, Console.WriteLine).RunAsync(cancellationToken);
            FuzzConsole.Print(result);
            if (parse.GetValue(report) is { } dir)
            {
                var written = ReportFiles.Write(dir, FuzzFindings.Report(result, userName));
                Console.WriteLine($"wrote {written.Json}, {written.JUnit}, {written.Html}");
                foreach (var file in await FuzzReportWriter.WriteAsync(result, dir, cancellationToken)) Console.WriteLine($"wrote {file}");
            }
            return result.Passed ? 0 : 1;
        }
    }

    internal static TimeSpan ParseBudget(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        var unit = t.Length > 0 && char.IsLetter(t[^1]) ? t[^1] : 's';
        var number = char.IsLetter(t[^1]) ? t[..^1] : t;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v <= 0)
            throw new UsageException($"--budget: '{text}' is not a duration such as 60s, 5m or 1h");
        return unit switch
        {
            's' => TimeSpan.FromSeconds(v),
            'm' => TimeSpan.FromMinutes(v),
            'h' => TimeSpan.FromHours(v),
            _ => throw new UsageException($"--budget: unknown unit in '{text}' (use s, m or h)"),
        };
    }

    private static ulong ParseSeed(string text, string option) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw new UsageException($"{option}: '{text}' is not an unsigned integer");

    private static FuzzOptions ApplyReplay(FuzzOptions options, string token)
    {
        var parts = token.Split(':');
        var seed = ParseSeed(parts[0], "--replay");
        options = options with { Seed = seed };
        if (parts.Length == 1) return options with { Workers = 1 };
        if (parts.Length == 2 && parts[1].StartsWith('s') && int.TryParse(parts[1][1..], NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            return options with { ReplaySequence = seq, Stateless = false };
        if (parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            return options with { ReplayCase = index, Stateful = false };
        throw new UsageException($"--replay: '{token}' is not SEED, SEED:INDEX or SEED:sINDEX");
    }
}
