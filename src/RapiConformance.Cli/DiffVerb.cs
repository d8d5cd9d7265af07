using System.CommandLine;
using RapiConformance.Differential;
using RapiConformance.Server;
using RapiConformance.Server.Cluster;
using RapiConformance.Spec;

namespace RapiConformance.Cli;

/// <summary>
/// `diff --a URL --b URL`: the same request sequence to two RAPI servers, compared per operation
/// (`--a-reference ganeti-live` starts the reference server in-process as A).
/// Exit 0: no unexpected difference; 1: unexpected differences; 2: usage or connection problem.
/// </summary>
internal static class DiffVerb
{
    public static Command Create()
    {
        var a = new Option<string?>("--a") { Description = "Base URL of server A (e.g. the reference server); or --a-reference" };
        var aReference = new Option<string?>("--a-reference")
        {
            Description = "Start the reference server in-process as server A, with this seed shape: 'ganeti-live' (a copy of " +
                          "shared/ganeti-live's cluster, for a one-to-one comparison with it) or 'generated' (instead of --a)",
        };
        var b = new Option<string>("--b") { Description = "Base URL of server B (e.g. real Ganeti)", Required = true };
        var user = new Option<string?>("--user") { Description = "User with the write option, for both sides" };
        var password = new Option<string?>("--password") { Description = "Its password, for both sides" };
        var aUser = new Option<string?>("--a-user") { Description = "User for A only" };
        var aPassword = new Option<string?>("--a-password") { Description = "Password for A only" };
        var bUser = new Option<string?>("--b-user") { Description = "User for B only" };
        var bPassword = new Option<string?>("--b-password") { Description = "Password for B only" };
        var users = new Option<string?>("--users-file") { Description = "Ganeti users file: writer/reader/plain users for both sides (enables the role steps)" };
        var insecure = new Option<bool>("--insecure") { Description = "Accept self-signed TLS certificates" };
        var report = new Option<string?>("--report") { Description = "Directory for report.json (diff section) and diff.html" };
        var allow = new Option<string?>("--allow") { Description = "YAML allow-list of documented differences" };
        var readOnly = new Option<bool>("--read-only") { Description = "Only reads and error probes; no writes" };
        var jobTimeout = new Option<int>("--job-timeout") { Description = "Seconds to follow one job", DefaultValueFactory = _ => 60 };
        var command = new Command("diff", "Compare two RAPI servers response by response")
        {
            a, aReference, b, user, password, aUser, aPassword, bUser, bPassword, users, insecure, report, allow, readOnly, jobTimeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var roles = parse.GetValue(users) is { } file
                ? File.Exists(file) ? UsersFileRoles.Load(file) : throw new UsageException($"--users-file: no file '{file}'")
                : new UsersFileRoles(null, null, null);
            BasicCredential Writer(Option<string?> u, Option<string?> p, string side)
            {
                var name = parse.GetValue(u) ?? parse.GetValue(user) ?? roles.Writer?.User;
                var pw = parse.GetValue(p) ?? parse.GetValue(password) ?? (name == roles.Writer?.User ? roles.Writer?.Password : null);
                return name is not null && pw is not null
                    ? new BasicCredential(name, pw)
                    : throw new UsageException($"no credentials for {side}: give --user/--password, --{side}-user/--{side}-password or --users-file");
            }
            var shape = parse.GetValue(aReference);
            if ((parse.GetValue(a) is null) == (shape is null)) throw new UsageException("give exactly one of --a URL and --a-reference SHAPE");
            if (shape is not null && !ClusterShape.IsKnown(shape))
                throw new UsageException($"--a-reference: unknown shape '{shape}' (known: {string.Join(", ", ClusterShape.All)})");
            var aWriter = Writer(aUser, aPassword, "a");
            await using var reference = shape is null ? null : await StartReferenceAsync(shape, parse.GetValue(users), aWriter, cancellationToken);
            var aUrl = reference?.Server.BaseUri ?? Url(parse.GetValue(a)!, "--a");
            var options = new DiffOptions(
                new DiffEndpoint("a", aUrl, aWriter, roles.Reader, roles.Plain),
                new DiffEndpoint("b", Url(parse.GetValue(b)!, "--b"), Writer(bUser, bPassword, "b"), roles.Reader, roles.Plain),
                parse.GetValue(insecure), JobBudget: TimeSpan.FromSeconds(parse.GetValue(jobTimeout)),
                IncludeWrites: !parse.GetValue(readOnly));
            var allowList = parse.GetValue(allow) is { } allowFile
                ? File.Exists(allowFile) ? AllowList.Load(allowFile) : throw new UsageException($"--allow: no file '{allowFile}'")
                : AllowList.Empty;
            var runner = new DiffRunner(options, allowList, SpecCatalog.Default);
            var progress = new Progress<StepOutcome>(o => Console.Error.Write(o.Skipped ? "s" : o.Differences.Count == 0 ? "." : "D"));
            DiffResult result;
            try
            {
                result = await runner.RunAsync(DiffRunner.StandardSequence(options.IncludeWrites), progress, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                Console.Error.WriteLine($"rapi-conformance: diff: cannot reach a server: {e.Message}");
                return 2;
            }
            Console.Error.WriteLine();
            foreach (var d in result.Unexpected)
            {
                Console.WriteLine("DIFF " + d);
            }
            foreach (var d in result.Documented)
            {
                Console.WriteLine("documented " + d);
            }
            foreach (var s in result.Steps.Where(s => s.Skipped))
            {
                Console.WriteLine($"skipped {s.Step.Id}: {s.SkipReason}");
            }
            Console.WriteLine($"diff: {result.Compared} steps compared ({result.SkippedCount} skipped), " +
                              $"{result.OperationsCompared.Count}/{result.OperationsInSpec} operations, " +
                              $"{result.Unexpected.Count} unexpected differences, {result.Documented.Count} documented, " +
                              $"{result.Duration.TotalSeconds:F1} s");
            if (parse.GetValue(report) is { } dir)
            {
                Console.WriteLine("report: " + string.Join(", ", DiffReportFiles.Write(result, dir)));
            }
            return result.Unexpected.Count == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>
    /// The reference server as side A: plain HTTP on a free loopback port, every request authenticated, users
    /// from --users-file (or a users file holding only A's writer), the given seed shape, temporary state.
    /// </summary>
    private static async Task<InProcessReference> StartReferenceAsync(string shape, string? usersFile, BasicCredential writer, CancellationToken cancellationToken)
    {
        string? ownUsers = null;
        if (usersFile is null)
        {
            ownUsers = Path.Combine(Path.GetTempPath(), "rapi-diff-users-" + Guid.NewGuid().ToString("N")[..12]);
            await File.WriteAllTextAsync(ownUsers, $"{writer.User} {writer.Password} write\n", cancellationToken);
        }
        var server = await ReferenceServer.StartAsync(new ServerOptions
        {
            Port = 0, UseTls = false, UsersFile = usersFile ?? ownUsers, RequireAuthentication = true, Shape = shape,
        }, cancellationToken);
        Console.Error.WriteLine($"rapi-conformance: diff: server A is the reference server ({shape} shape) at {server.BaseUri}");
        return new InProcessReference(server, ownUsers);
    }

    private sealed record InProcessReference(ReferenceServer Server, string? OwnUsersFile) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            if (OwnUsersFile is not null) File.Delete(OwnUsersFile);
        }
    }

    private static Uri Url(string text, string option) =>
        Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"{option}: not an http(s) URL: '{text}'");
}
