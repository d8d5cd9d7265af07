using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RapiConformance.Differential;

/// <summary>
/// The names one server uses for the things the sequence talks about: a running and a stopped instance,
/// the master node, a group with nodes and one without, a network, a filter and a finished job. Each side
/// discovers its own, so the same step reaches comparable objects on servers that name them differently.
/// </summary>
public sealed partial class SideFixture
{
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public SideFixture(string runSuffix) => _tokens["run"] = runSuffix;

    public IReadOnlyDictionary<string, string> Tokens => _tokens;

    public void Set(string token, string value) => _tokens[token] = value;

    /// <summary>The path with every token replaced, or null when a token is unknown on this side.</summary>
    public string? Resolve(string template)
    {
        var missing = false;
        var resolved = TokenPattern().Replace(template, m =>
        {
            if (_tokens.TryGetValue(m.Groups[1].Value, out var value))
            {
                return value;
            }
            missing = true;
            return m.Value;
        });
        return missing ? null : resolved;
    }

    /// <summary>The token a JSON object key stands for on this side (so keys named after entities compare).</summary>
    public string NormalizeKey(string key)
    {
        foreach (var (token, value) in _tokens)
        {
            if (token != "run" && value == key)
            {
                return "{" + token + "}";
            }
        }
        return key;
    }

    public static async Task<SideFixture> DiscoverAsync(RapiHttp http, string runSuffix, CancellationToken cancellationToken)
    {
        var fixture = new SideFixture(runSuffix);
        async Task<JsonArray?> List(string path) =>
            (await http.SendAsync("GET", path, null, null, DiffRole.Writer, cancellationToken).ConfigureAwait(false)).Json as JsonArray;

        var instances = await List("/2/instances?bulk=1").ConfigureAwait(false);
        fixture.SetFirst("instance", instances, i => Text(i, "status") == "running", "name");
        fixture.SetFirst("stopped_instance", instances, i => Text(i, "admin_state") == "down", "name");
        var nodes = await List("/2/nodes?bulk=1").ConfigureAwait(false);
        fixture.SetFirst("node", nodes, n => Text(n, "role") == "M", "name");
        var groups = await List("/2/groups?bulk=1").ConfigureAwait(false);
        fixture.SetFirst("group", groups, g => Number(g, "node_cnt") > 0, "name");
        fixture.SetFirst("empty_group", groups, g => Number(g, "node_cnt") == 0, "name");
        fixture.SetFirst("network", await List("/2/networks").ConfigureAwait(false), _ => true, "name");
        fixture.SetFirst("filter", await List("/2/filters").ConfigureAwait(false), _ => true, "uuid");
        fixture.SetFirst("job", await List("/2/jobs").ConfigureAwait(false), _ => true, "id");
        return fixture;
    }

    private void SetFirst(string token, JsonArray? list, Func<JsonObject, bool> predicate, string key)
    {
        var match = list?.OfType<JsonObject>().FirstOrDefault(predicate);
        if (match?[key] is JsonValue value)
        {
            _tokens[token] = value.ToString();
        }
    }

    private static string? Text(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static long Number(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue<long>(out var n) ? n : -1;

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex TokenPattern();
}
