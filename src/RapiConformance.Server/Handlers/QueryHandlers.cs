using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RapiConformance.Server.Cluster;
using RapiConformance.Server.Http;

namespace RapiConformance.Server.Handlers;

/// <summary>/2/query/{resource} and /fields: luxi-style rows of [status, value] and field definitions.</summary>
public static class QueryHandlers
{
    private static readonly string[] Resources = ["network", "export", "job", "instance", "lock", "node", "group", "filter"];

    public static void Register(HandlerRegistry r, RapiServices s)
    {
        r.Add("queryResource", req => Query(s, req, FieldsFromQuery(req, required: true), null));
        r.Add("queryResourceWithFilter", req =>
        {
            var body = Jobs.OpcodeBuilder.BodyObject(req.Body);
            List<string> fields;
            if (body["fields"] is JsonArray f) fields = f.Select(x => x?.ToString() ?? "").ToList();
            else fields = FieldsFromQuery(req, required: true);
            var filter = body["qfilter"] ?? body["filter"];
            if (filter is not null and not JsonArray) throw RapiException.BadRequest("Filter must be a list or null");
            return Query(s, req, fields, filter as JsonArray);
        });
        r.Add("queryResourceFields", req =>
        {
            var resource = Resource(req);
            var rows = Rows(s, resource);
            var names = req.First("fields") is { } text ? Split(text) : null;
            var defs = Definitions(s, resource, rows);
            var result = names is null ? defs.Values.ToList() : names.Select(n => Definition(defs, n)).ToList();
            return RapiResult.Json(new JsonObject { ["fields"] = new JsonArray(result.Select(d => (JsonNode)d.DeepClone()).ToArray()) });
        });
    }

    private static RapiResult Query(RapiServices s, RapiRequest req, List<string> fields, JsonArray? filter)
    {
        var resource = Resource(req);
        var rows = Rows(s, resource);
        var defs = Definitions(s, resource, rows);
        var regexes = filter is null ? new Dictionary<string, Regex>() : CompileRegexes(filter, resource, fields);
        var data = new JsonArray();
        foreach (var row in rows)
        {
            if (filter is not null && !Matches(filter, row, regexes)) continue;
            data.Add(new JsonArray(fields.Select(f => (JsonNode)Cell(defs, row, f)).ToArray()));
        }
        return RapiResult.Json(new JsonObject
        {
            ["data"] = data,
            ["fields"] = new JsonArray(fields.Select(f => (JsonNode)Definition(defs, f).DeepClone()).ToArray()),
        });
    }

    private static string Resource(RapiRequest req)
    {
        var resource = req["resource_type"];
        if (!Resources.Contains(resource))
            throw new RapiException(502, $"Failed to parse request: Cannot convert value '[\"{resource}\", [\"name\"], null]', error: Can't parse value '{resource}' as neitherQueryTypeLuxi nor QueryTypeOp");
        return resource;
    }

    private static List<string> FieldsFromQuery(RapiRequest req, bool required)
    {
        var text = req.First("fields");
        if (text is null)
        {
            if (required) throw RapiException.BadRequest("Missing the required 'fields' parameter");
            return [];
        }
        return Split(text);
    }

    private static List<string> Split(string text) => text.Split(',').Select(f => f.Trim()).Where(f => f.Length > 0).ToList();

    private static List<JsonObject> Rows(RapiServices s, string resource)
    {
        if (resource == "job")
            return s.Jobs.List().Select(j =>
            {
                lock (j.Sync) return new JsonObject(Jobs.Job.Fields.Select(f => KeyValuePair.Create(f, j.Field(f))));
            }).ToList();
        var c = s.Cluster;
        lock (c.Sync)
        {
            IEnumerable<Entity> entities = resource switch
            {
                "instance" => c.Instances,
                "node" => c.Nodes,
                "group" => c.Groups,
                "network" => c.Networks,
                "filter" => c.Filters,
                _ => [],
            };
            return entities.Select(e => (JsonObject)Storage.StateJson.Parse(EntityJson.Of(c, e))).ToList();
        }
    }

    private static Dictionary<string, JsonObject> Definitions(RapiServices s, string resource, List<JsonObject> rows)
    {
        var defs = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        if (s.Cluster.Defaults.QueryFields(resource) is { } known)
            foreach (var d in known.OfType<JsonObject>()) defs[d["name"]!.GetValue<string>()] = d;
        var sample = rows.FirstOrDefault();
        var keys = sample?.Select(p => p.Key) ?? (resource == "job" ? Jobs.Job.Fields : []);
        foreach (var key in keys)
        {
            if (defs.ContainsKey(key)) continue;
            var kind = sample?[key] switch
            {
                JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => "bool",
                JsonValue v when v.GetValueKind() == JsonValueKind.Number => "number",
                JsonValue v when v.GetValueKind() == JsonValueKind.String => "text",
                _ => "other",
            };
            defs[key] = new JsonObject { ["name"] = key, ["title"] = key, ["kind"] = kind, ["doc"] = key };
        }
        return defs;
    }

    private static JsonObject Definition(Dictionary<string, JsonObject> defs, string name) =>
        defs.TryGetValue(name, out var d) ? d
            : new JsonObject { ["name"] = name, ["title"] = name, ["kind"] = "unknown", ["doc"] = $"Unknown field '{name}'" };

    private static JsonArray Cell(Dictionary<string, JsonObject> defs, JsonObject row, string field)
    {
        if (!defs.ContainsKey(field)) return new JsonArray(1, null);
        var (found, value) = Value(row, field);
        return found ? new JsonArray(0, value?.DeepClone()) : new JsonArray(2, null);
    }

    private static (bool Found, JsonNode? Value) Value(JsonObject row, string field)
    {
        if (row.TryGetPropertyValue(field, out var v)) return (true, v);
        var slash = field.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var prefix = field[..slash];
            var rest = field[(slash + 1)..];
            var map = prefix switch { "be" => "beparams", "hv" => "hvparams", "nd" => "ndparams", _ => null };
            if (map is not null && row[map] is JsonObject o && o.TryGetPropertyValue(rest, out var pv)) return (true, pv);
            var list = prefix switch
            {
                "disk.size" => "disk.sizes", "disk.name" => "disk.names", "disk.uuid" => "disk.uuids", "disk.spindles" => "disk.spindles",
                "nic.ip" => "nic.ips", "nic.mac" => "nic.macs", "nic.mode" => "nic.modes", "nic.link" => "nic.links",
                "nic.uuid" => "nic.uuids", "nic.name" => "nic.names", "nic.network" => "nic.networks", "nic.bridge" => "nic.bridges",
                _ => null,
            };
            if (list is not null && row[list] is JsonArray a && int.TryParse(rest, out var idx))
                return idx < a.Count ? (true, a[idx]) : (false, null);
        }
        return field switch
        {
            "disk.count" when row["disk.sizes"] is JsonArray d => (true, d.Count),
            "nic.count" when row["nic.macs"] is JsonArray n => (true, n.Count),
            "admin_up" when row["admin_state"] is { } a => (true, a.ToString() == "up"),
            "oper_ram" or "oper_vcpus" => (true, null),
            _ => (false, null),
        };
    }

    /// <summary>
    /// Compiles every "=~" pattern of a filter once, with .NET's non-backtracking engine: matching takes time
    /// linear in the input, so no pattern can burn a CPU (Ganeti uses PCRE, which backtracks). A pattern that
    /// does not compile, or needs backtracking (backreferences, lookarounds), is refused as Ganeti refuses a bad
    /// pattern: 502 "Failed to parse request: Cannot convert value ..., error: (1,"...")".
    /// </summary>
    private static Dictionary<string, Regex> CompileRegexes(JsonArray filter, string resource, List<string> fields)
    {
        var found = new Dictionary<string, Regex>(StringComparer.Ordinal);
        void Walk(JsonArray f)
        {
            if (f.Count == 3 && f[0]?.ToString() == "=~" && f[2] is JsonValue pv && pv.GetValueKind() == JsonValueKind.String)
            {
                var pattern = pv.GetValue<string>();
                if (found.ContainsKey(pattern)) return;
                try
                {
                    found[pattern] = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
                }
                catch (Exception e) when (e is ArgumentException or NotSupportedException)
                {
                    var request = new JsonArray(resource, new JsonArray(fields.Select(x => (JsonNode)x).ToArray()), filter.DeepClone());
                    var why = e is RegexParseException rp ? rp.Error.ToString() : "needs backtracking, which the reference server does not do";
                    throw new RapiException(502, $"Failed to parse request: Cannot convert value '{PythonHttp.JsonDumps(request)}', error: (1,\"{why}: {pattern}\")");
                }
                return;
            }
            foreach (var x in f) if (x is JsonArray a) Walk(a);
        }
        Walk(filter);
        return found;
    }

    /// <summary>Ganeti's query filter language: ["=", field, value], ["&", ...], ["|", ...], ["!", f], ["=~", field, re], ["?", field], comparisons.</summary>
    private static bool Matches(JsonArray filter, JsonObject row, Dictionary<string, Regex> regexes)
    {
        if (filter.Count == 0) return true;
        var op = filter[0]?.ToString();
        switch (op)
        {
            case "&": return filter.Skip(1).All(f => f is JsonArray a && Matches(a, row, regexes));
            case "|": return filter.Skip(1).Any(f => f is JsonArray a && Matches(a, row, regexes));
            case "!": return filter.Count > 1 && filter[1] is JsonArray n && !Matches(n, row, regexes);
            case "?":
                var (ok, v) = Value(row, filter[1]?.ToString() ?? "");
                return ok && v is not null && v.ToJsonString() is not ("false" or "0" or "\"\"" or "[]" or "{}");
        }
        if (filter.Count != 3) throw RapiException.BadRequest($"Invalid filter: {filter.ToJsonString()}");
        var (found, value) = Value(row, filter[1]?.ToString() ?? "");
        if (!found) return false;
        var operand = filter[2];
        return op switch
        {
            "=" or "==" => JsonNode.DeepEquals(value, operand),
            "!=" => !JsonNode.DeepEquals(value, operand),
            "=~" => value is JsonValue sv && regexes.TryGetValue(operand?.ToString() ?? "", out var re) && re.IsMatch(sv.ToString()),
            "=[]" => value is JsonArray list && list.Any(x => JsonNode.DeepEquals(x, operand)),
            "<" or ">" or "<=" or ">=" => Compare(value, operand, op),
            _ => throw RapiException.BadRequest($"Unknown filter operator '{op}'"),
        };
    }

    private static bool Compare(JsonNode? a, JsonNode? b, string op)
    {
        if (a is not JsonValue x || b is not JsonValue y || x.GetValueKind() != JsonValueKind.Number || y.GetValueKind() != JsonValueKind.Number) return false;
        var c = x.Num().CompareTo(y.Num());
        return op switch { "<" => c < 0, ">" => c > 0, "<=" => c <= 0, _ => c >= 0 };
    }
}
