using System.CommandLine;
using System.Security.Cryptography;
using RapiConformance.Server;
using RapiConformance.Server.Cluster;
using RapiConformance.Server.Faults;
using RapiConformance.Spec;

namespace RapiConformance.Cli;

/// <summary>`serve`: the reference RAPI server over a simulated, persistent Ganeti cluster.</summary>
internal static class ServeVerb
{
    public static Command Create()
    {
        var profile = new Option<string>("--profile") { Description = "RAPI profile: 2.0, 2.5 or 3.0", DefaultValueFactory = _ => "3.0" };
        var bind = new Option<string>("--bind") { Description = "Address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Port (0: a free one)", DefaultValueFactory = _ => 5080 };
        var noSsl = new Option<bool>("--no-ssl") { Description = "Plain HTTP instead of HTTPS" };
        var cert = new Option<string?>("--cert") { Description = "PEM certificate (default: self-signed, kept in the state directory)" };
        var key = new Option<string?>("--key") { Description = "PEM private key for --cert" };
        var users = new Option<string?>("--users") { Description = "Ganeti-format RAPI users file (default: one generated in the state directory)" };
        var requireAuth = new Option<bool>("--require-authentication") { Description = "Every request needs a valid user (Debian's default); otherwise anonymous reads are allowed (upstream default)" };
        var state = new Option<string?>("--state") { Description = "State directory (SQLite, certificate, users); default: a temporary directory" };
        var shape = new Option<string>("--shape")
        {
            Description = "Seed cluster of a new state: 'generated' (from --nodes/--instances/--seed) or 'ganeti-live' " +
                          "(a copy of shared/ganeti-live's seeded cluster: one node, fake hypervisor, diskless inst1..inst3, group2, net1, tags)",
            DefaultValueFactory = _ => ClusterShape.Generated,
        };
        var nodes = new Option<int>("--nodes") { Description = "Nodes of a newly generated cluster", DefaultValueFactory = _ => 3 };
        var instances = new Option<int>("--instances") { Description = "Instances of a newly generated cluster (up to 10,000 and more)", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated cluster", DefaultValueFactory = _ => 1 };
        var fault = new Option<string[]>("--fault") { Description = "Plant a named defect (repeatable; see --list-faults)", AllowMultipleArgumentsPerToken = false };
        var listFaults = new Option<bool>("--list-faults") { Description = "Print the fault catalog (id<TAB>description) and exit" };
        var jobTime = new Option<int>("--job-time-ms") { Description = "Simulated time each job spends queued/running", DefaultValueFactory = _ => 0 };
        var drained = new Option<bool>("--queue-drained") { Description = "Start with the job queue drained (gnt-cluster queue drain): submissions answer 500 \"Queue drained\"" };
        var queueLimit = new Option<int>("--queue-limit") { Description = "Jobs held (not archived) before submissions answer 503 (Ganeti 2.x: 5000); 0: none, as Ganeti 3.0", DefaultValueFactory = _ => 0 };
        var command = new Command("serve", "Run the reference RAPI server over a simulated Ganeti cluster")
        {
            profile, bind, port, noSsl, cert, key, users, requireAuth, state, shape, nodes, instances, seed, fault, listFaults, jobTime, drained, queueLimit,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(listFaults))
            {
                foreach (var (id, description) in FaultCatalog.All) Console.WriteLine($"{id}\t{description}");
                return 0;
            }
            if (parse.GetValue(queueLimit) < 0) throw new UsageException("--queue-limit: must be 0 (no limit) or more");
            if (!Profile.TryParse(parse.GetValue(profile), out var p)) throw new UsageException($"--profile: unknown profile '{parse.GetValue(profile)}'");
            var faults = parse.GetValue(fault) ?? [];
            foreach (var f in faults)
                if (!FaultCatalog.Exists(f)) throw new UsageException($"--fault: unknown fault '{f}' (see serve --list-faults)");
            var shapeName = parse.GetValue(shape)!;
            if (!ClusterShape.IsKnown(shapeName))
                throw new UsageException($"--shape: unknown shape '{shapeName}' (known: {string.Join(", ", ClusterShape.All)})");
            if (shapeName != ClusterShape.Generated && new Option[] { nodes, instances, seed }.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false }) is { } given)
                throw new UsageException($"{given.Name}: only for --shape {ClusterShape.Generated}; the {shapeName} shape is fixed");
            var stateDir = parse.GetValue(state) ?? Path.Combine(Path.GetTempPath(), "rapi-serve-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(stateDir);
            var usersFile = parse.GetValue(users) ?? GenerateUsers(stateDir);
            if (!File.Exists(usersFile)) Console.Error.WriteLine($"rapi-conformance: warning: users file {usersFile} does not exist (no users)");
            var options = new ServerOptions
            {
                Profile = p,
                Bind = parse.GetValue(bind)!,
                Port = parse.GetValue(port),
                UseTls = !parse.GetValue(noSsl),
                CertificateFile = parse.GetValue(cert),
                KeyFile = parse.GetValue(key),
                StateDirectory = stateDir,
                UsersFile = usersFile,
                RequireAuthentication = parse.GetValue(requireAuth),
                Shape = shapeName,
                Nodes = parse.GetValue(nodes),
                Instances = parse.GetValue(instances),
                Seed = parse.GetValue(seed),
                Faults = faults,
                JobRunTime = TimeSpan.FromMilliseconds(parse.GetValue(jobTime)),
                QueueDrained = parse.GetValue(drained),
                QueueLimit = parse.GetValue(queueLimit),
            };
            await using var server = await ReferenceServer.StartAsync(options, ct);
            Console.WriteLine($"rapi-conformance: serving RAPI {p} at {server.BaseUri} (shape {shapeName}, state {stateDir}, users {usersFile}" +
                              $"{(faults.Length > 0 ? ", faults " + string.Join(",", faults) : "")})");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
            }
            return 0;
        });
        return command;
    }

    /// <summary>Makes a users file with a writer and a reader (once per state directory) and prints the credentials.</summary>
    private static string GenerateUsers(string stateDir)
    {
        var path = Path.Combine(stateDir, "users");
        if (!File.Exists(path))
        {
            var writer = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            var reader = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            File.WriteAllText(path, $"# generated by rapi-conformance serve\nadmin {writer} write\nreader {reader} read\n");
        }
        foreach (var line in File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split(' ');
            Console.WriteLine($"rapi-conformance: user {parts[0]} password {parts[1]} ({(parts.Length > 2 ? parts[2] : "no options")})");
        }
        return path;
    }
}
