using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace RapiConformance.Server.Tests;

/// <summary>
/// The property behind "one request never bricks the state": a nested or oversized value inside any parameter
/// map (dict-typed opcode parameter) of any write operation with an opcode body, whatever the server answers,
/// leaves a server whose job ends, and that after a restart on the same state starts, answers and runs a new job.
/// The operations and maps come from the opcode table, not from a list typed here.
/// </summary>
public sealed class HostileStateProperties
{
    public sealed record Target(string Method, string Path, string Param);

    public sealed record Sample(Target Target, string Kind, int Size, bool AsKey)
    {
        public override string ToString() => $"{Target.Method} {Target.Path} {Target.Param}: {Kind} {Size}{(AsKey ? " (key)" : "")}";
    }

    /// <summary>Every (operation, dict parameter) pair of the RAPI operations whose body fills an opcode.</summary>
    internal static List<Target> Targets()
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "opcodes-3.0.json")))!;
        var list = new List<Target>();
        foreach (var r in root["rapi_operations"]!.AsArray())
        {
            if (r!["body"]?.ToString() is not { } body || !body.StartsWith("opcode-body", StringComparison.Ordinal)) continue;
            var opId = r["opcodes"]!.AsArray().FirstOrDefault()?.ToString();
            if (opId is null) continue;
            var statics = r["static_params"]!.AsArray().Select(x => x!.ToString()).ToHashSet(StringComparer.Ordinal);
            foreach (var p in root["opcodes"]![opId]!["params"]!.AsArray())
            {
                var type = p!["schema"]?["type"];
                var types = type is JsonArray a ? a.Select(x => x!.ToString()).ToList() : [type?.ToString() ?? ""];
                var name = p["name"]!.ToString();
                if (types.Contains("object") && !statics.Contains(name)) list.Add(new Target(r["method"]!.ToString(), r["path"]!.ToString(), name));
            }
        }
        return list;
    }

    private static string Fill(string path) => path
        .Replace("{instance_name}", "inst1.ganeti.test", StringComparison.Ordinal)
        .Replace("{group_name}", "default", StringComparison.Ordinal)
        .Replace("{node_name}", "node1.ganeti.test", StringComparison.Ordinal)
        .Replace("{network_name}", "net1", StringComparison.Ordinal);

    private static JsonObject BaseBody(Target t) => t.Path switch
    {
        "/2/instances" => new JsonObject
        {
            ["__version__"] = 1, ["mode"] = "create", ["name"] = "prop.ganeti.test", ["disk_template"] = "diskless",
            ["disks"] = new JsonArray(), ["nics"] = new JsonArray(new JsonObject()), ["start"] = false,
        },
        "/2/groups" => new JsonObject { ["group_name"] = "propgroup" },
        _ => [],
    };

    /// <summary>The body text with the hostile value in place (built as text: the value may be deeper than a JsonNode writes).</summary>
    internal static string Body(Sample s)
    {
        var value = s.Kind switch
        {
            "nested" => Nested(s.Size),
            "long-string" when s.AsKey => "{\"" + new string('k', s.Size) + "\":\"v\"}",
            "long-string" => "{\"x\":\"" + new string('v', s.Size) + "\"}",
            _ => "{" + string.Join(",", Enumerable.Range(0, s.Size).Select(i => $"\"k{i}\":{i}")) + "}", // wide
        };
        var baseText = BaseBody(s.Target).ToJsonString();
        var member = $"\"{s.Target.Param}\":{value}";
        return baseText == "{}" ? "{" + member + "}" : baseText[..^1] + "," + member + "}";
    }

    private static string Nested(int depth)
    {
        var open = new System.Text.StringBuilder("{\"x\":");
        var close = new System.Text.StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            if (i % 3 == 0) { open.Append("{\"d\":"); close.Insert(0, '}'); }
            else { open.Append('['); close.Insert(0, ']'); }
        }
        return open + "1" + close + "}";
    }

    private static Gen<Sample> Samples(List<Target> targets) =>
        from target in Gen.Elements(targets.ToArray())
        from kind in Gen.Elements("nested", "long-string", "wide")
        from size in kind switch
        {
            "nested" => Gen.Choose(1, 80),
            "long-string" => Gen.Choose(ServerLimits.MaxStringLength - 8, ServerLimits.MaxStringLength + 8),
            _ => Gen.Choose(500, 5000),
        }
        from asKey in Gen.Elements(false, true)
        select new Sample(target, kind, size, asKey);

    [Fact]
    public void Every_parameter_map_of_every_write_operation_is_found()
    {
        var targets = Targets();
        // 3.0's opcode table: /2/modify has 14 maps, groups add/modify 5 each, node modify 3, instance create 5, modify 5.
        Assert.True(targets.Count >= 30, $"{targets.Count} targets");
        Assert.Contains(new Target("POST", "/2/groups", "ndparams"), targets);
        Assert.Contains(new Target("PUT", "/2/instances/{instance_name}/modify", "osparams"), targets);
    }

    [Fact]
    public void A_hostile_value_in_any_parameter_map_never_bricks_the_state()
    {
        var targets = Targets();
        var property = Prop.ForAll(Arb.From(Samples(targets)), sample => Survives(sample).GetAwaiter().GetResult());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40).WithQuietOnSuccess(true), property);
    }

    private static async Task<bool> Survives(Sample sample)
    {
        var dir = Path.Combine(Path.GetTempPath(), "rapi-prop-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using (var f = await ServerFixture.StartAsync(o => o with { Shape = Cluster.ClusterShape.GanetiLive }, stateDir: dir))
            {
                var a = await f.SendAsync(new HttpMethod(sample.Target.Method), Fill(sample.Target.Path), "admin", Body(sample));
                if (a.Status >= 500) throw new InvalidOperationException($"{sample}: {a.Status} {a.Body[..Math.Min(300, a.Body.Length)]}");
                if (a.Status == 200 && long.TryParse(a.Body, out var id))
                {
                    var job = await f.WaitForJobAsync(id, TimeSpan.FromSeconds(30));
                    if (job["status"]!.ToString() is not ("success" or "error")) return false;
                }
            }
            await using (var g = await ServerFixture.StartAsync(stateDir: dir))
            {
                if ((await g.GetAsync("/2/info")).Status != 200) return false;
                var next = await g.SubmitAsync(HttpMethod.Put, "/2/tags?tag=survived");
                return (await g.WaitForJobAsync(next))["status"]!.ToString() == "success";
            }
        }
        finally
        {
            HostileStateTests.TryDelete(dir);
        }
    }
}
