using System.Text.Json.Nodes;

namespace RapiConformance.Server.Jobs;

/// <summary>Ganeti 3.0.2's opcode definitions (parameters with checks and defaults) and, per RAPI handler, its static, renamed and forbidden parameters.</summary>
public sealed class OpcodeTable
{
    private readonly Dictionary<string, OpcodeDefinition> _opcodes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), RapiOpcodeBinding> _bindings = new();

    private OpcodeTable(JsonObject root)
    {
        foreach (var (id, node) in root["opcodes"]!.AsObject())
        {
            var o = node!.AsObject();
            var ps = o["params"]!.AsArray().Select(p => new OpcodeParameter(
                p!["name"]!.GetValue<string>(),
                p["schema"] as JsonObject ?? [],
                p["required"]?.GetValue<bool>() ?? false,
                p["default"]?.DeepClone(),
                p["common"]?.GetValue<bool>() ?? false)).ToList();
            _opcodes[id] = new OpcodeDefinition(id, o["class"]!.GetValue<string>(), ps);
        }
        foreach (var node in root["rapi_operations"]!.AsArray())
        {
            var r = node!.AsObject();
            var binding = new RapiOpcodeBinding(
                r["handler"]!.GetValue<string>(),
                r["opcodes"]!.AsArray().Select(x => x!.GetValue<string>()).ToList(),
                (r["static_params"] as JsonArray)?.Select(x => x!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [],
                (r["renamed_body_params"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()) ?? [],
                (r["forbidden_params"] as JsonArray)?.Select(x => x!.GetValue<string>()).ToList() ?? []);
            _bindings[(r["method"]!.GetValue<string>(), r["path"]!.GetValue<string>())] = binding;
        }
    }

    public static OpcodeTable Load()
    {
        using var s = typeof(OpcodeTable).Assembly.GetManifestResourceStream("opcodes-3.0.json")
            ?? throw new InvalidOperationException("opcodes-3.0.json is missing");
        return new OpcodeTable((JsonObject)JsonNode.Parse(s)!);
    }

    public OpcodeDefinition Opcode(string id) => _opcodes[id];

    /// <summary>The binding of a RAPI operation (by method and path template, parameter names ignored).</summary>
    public RapiOpcodeBinding? Binding(string method, string pathTemplate)
    {
        if (_bindings.TryGetValue((method, pathTemplate), out var b)) return b;
        var shape = Shape(pathTemplate);
        return _bindings.FirstOrDefault(p => p.Key.Item1 == method && Shape(p.Key.Item2) == shape).Value;
    }

    private static string Shape(string template) => System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}]*\}", "{}");
}

public sealed record OpcodeParameter(string Name, JsonObject Schema, bool Required, JsonNode? Default, bool Common);

public sealed record OpcodeDefinition(string Id, string ClassName, IReadOnlyList<OpcodeParameter> Parameters)
{
    public OpcodeParameter? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);
}

public sealed record RapiOpcodeBinding(
    string Handler,
    IReadOnlyList<string> Opcodes,
    IReadOnlySet<string> StaticParams,
    IReadOnlyDictionary<string, string> Renames,
    IReadOnlyList<string> Forbidden)
{
    /// <summary>The reason-trail source Ganeti's rlib2 adds, e.g. gnt:library:rlib2:instances_name_shutdown.</summary>
    public string ReasonSource => "gnt:library:rlib2:" + (Handler.StartsWith("R_2_", StringComparison.Ordinal) ? Handler[4..] : Handler);
}
