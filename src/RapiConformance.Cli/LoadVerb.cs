using System.CommandLine;
using RapiConformance.Load;
using RapiConformance.Load.Engine;
using RapiConformance.Load.Operations;
using RapiConformance.Load.Reporting;
using Spectre.Console;

namespace RapiConformance.Cli;

/// <summary>`load`: drive a RAPI server at a constant arrival rate (open model) or with fixed workers (closed model).</summary>
internal static class LoadVerb
{
    public static Command Create()
    {
        var target = new Option<string>("--target") { Description = "Base URL of the RAPI server, e.g. http://127.0.0.1:5080/", Required = true };
        var user = new Option<string?>("--user") { Description = "RAPI user (Basic auth)" };
        var password = new Option<string?>("--password") { Description = "Password of --user" };
        var insecure = new Option<bool>("--insecure") { Description = "Accept any TLS certificate (Ganeti's self-signed rapi.pem)" };
        var op = new Option<string>("--op") { Description = "Operation: " + string.Join(", ", LoadOperationCatalog.Names), Required = true };
        var rate = new Option<string?>("--rate") { Description = "Arrival rate, e.g. 500/s (required for the open model; a cap for the closed model)" };
        var duration = new Option<string>("--duration") { Description = "Measured time, e.g. 30s, 2m", DefaultValueFactory = _ => "10s" };
        var concurrency = new Option<int?>("--concurrency") { Description = "Closed model: this many workers, each waiting for its answer (and job) before the next request" };
        var warmup = new Option<string>("--warmup") { Description = "Warm-up before the measured time, excluded from the figures", DefaultValueFactory = _ => "2s" };
        var maxRequests = new Option<long>("--max-requests") { Description = "Stop after this many requests, warm-up included", DefaultValueFactory = _ => 1_000_000 };
        var report = new Option<string>("--report") { Description = "Directory for report.json and report.html", DefaultValueFactory = _ => "reports/load" };
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Allow a target outside loopback (127.0.0.0/8, ::1, localhost)" };
        var timeout = new Option<string>("--timeout") { Description = "Time-out of one request", DefaultValueFactory = _ => "10s" };
        var seed = new Option<int>("--seed") { Description = "Seed of the read mix and generated names", DefaultValueFactory = _ => 1 };
        var plain = new Option<bool>("--plain") { Description = "Plain progress lines even on a terminal" };

        var command = new Command("load", "Generate load against a RAPI server (job submission, reads) and report latency percentiles")
        {
            target, user, password, insecure, op, rate, duration, concurrency, warmup, maxRequests, report, allowRemote, timeout, seed, plain,
        };
        command.SetAction(async (parse, ct) =>
        {
            // Caught here: System.CommandLine's default exception handler would print a stack trace and exit 1.
            try
            {
                var options = BuildOptions(parse.GetValue(target)!, parse.GetValue(user), parse.GetValue(password), parse.GetValue(insecure),
                    parse.GetValue(op)!, parse.GetValue(rate), parse.GetValue(duration)!, parse.GetValue(concurrency), parse.GetValue(warmup)!,
                    parse.GetValue(maxRequests), parse.GetValue(allowRemote), parse.GetValue(timeout)!, parse.GetValue(seed));
                var runId = DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture);
                var operation = LoadOperationCatalog.Find(options.Operation, runId, options.Seed)!;
                return await RunAsync(options, operation, parse.GetValue(report)!, parse.GetValue(plain), ct);
            }
            catch (UsageException e)
            {
                await Console.Error.WriteLineAsync($"rapi-conformance: {e.Message}");
                return CommandLineEntry.UsageError;
            }
        });
        return command;
    }

    private static LoadOptions BuildOptions(string target, string? user, string? password, bool insecure, string op, string? rate,
        string duration, int? concurrency, string warmup, long maxRequests, bool allowRemote, string timeout, int seed)
    {
        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri)) throw new UsageException($"--target: '{target}' is not an absolute URL");
        if (TargetGuard.Refusal(uri, allowRemote) is { } refusal) throw new UsageException(refusal);
        if (LoadOperationCatalog.Find(op, "x", seed) is null)
            throw new UsageException($"--op: unknown operation '{op}' (expected one of {string.Join(", ", LoadOperationCatalog.Names)})");
        double perSecond = 0;
        if (rate is not null && !LoadArguments.TryParseRate(rate, out perSecond)) throw new UsageException($"--rate: '{rate}' is not a positive rate such as 500/s");
        if (concurrency is null && rate is null) throw new UsageException("--rate is required for the open model (or give --concurrency for the closed model)");
        if (concurrency is <= 0 or > 10_000) throw new UsageException($"--concurrency: {concurrency} is not between 1 and 10000");
        if (!LoadArguments.TryParseDuration(duration, out var measured) || measured <= TimeSpan.Zero) throw new UsageException($"--duration: '{duration}' is not a positive duration such as 30s");
        if (!LoadArguments.TryParseDuration(warmup, out var warm)) throw new UsageException($"--warmup: '{warmup}' is not a duration such as 2s");
        if (!LoadArguments.TryParseDuration(timeout, out var perRequest) || perRequest <= TimeSpan.Zero) throw new UsageException($"--timeout: '{timeout}' is not a positive duration");
        if (maxRequests <= 0) throw new UsageException($"--max-requests: {maxRequests} is not positive");
        if (user is null != password is null) throw new UsageException("--user and --password go together");
        if (uri.AbsolutePath.Length > 1 && !uri.AbsolutePath.EndsWith('/')) uri = new Uri(uri + "/");
        return new LoadOptions
        {
            Target = uri,
            User = user,
            Password = password,
            Insecure = insecure,
            Operation = op,
            Rate = perSecond,
            Duration = measured,
            Concurrency = concurrency,
            Warmup = warm,
            MaxRequests = maxRequests,
            AllowRemote = allowRemote,
            RequestTimeout = perRequest,
            Seed = seed,
        };
    }

    private static async Task<int> RunAsync(LoadOptions options, LoadOperation operation, string reportDir, bool plain, CancellationToken ct)
    {
        using var client = new RapiLoadClient(options.Target, options.User, options.Password, options.Insecure, options.RequestTimeout);
        var live = !plain && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        LoadReport result;
        try
        {
            if (live)
            {
                var progress = new LiveTableProgress();
                LoadReport? inner = null;
                await AnsiConsole.Live(progress.Table).StartAsync(async ctx =>
                {
                    progress.Attach(ctx);
                    inner = await new LoadRunner(options, operation, client, progress).RunAsync(ct);
                });
                result = inner!;
            }
            else
            {
                result = await new LoadRunner(options, operation, client, new PlainProgress(Console.Out)).RunAsync(ct);
            }
        }
        catch (LoadSetupException e)
        {
            throw new UsageException(e.Message);
        }
        var (json, html) = await LoadReportJson.WriteAsync(result, reportDir, CancellationToken.None);
        Console.WriteLine(LoadSummary.Text(result));
        Console.WriteLine($"load: wrote {json} and {html}");
        return 0;
    }
}
