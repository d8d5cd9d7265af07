using System.Text.Json.Nodes;
using RapiConformance.Server.Http;
using static RapiConformance.Server.Handlers.JobSubmission.BodyUse;

namespace RapiConformance.Server.Handlers;

/// <summary>Instance operations that submit jobs.</summary>
public static class InstanceWriteHandlers
{
    public static void Register(HandlerRegistry r, JobSubmission jobs)
    {
        r.Add("createInstance", req =>
        {
            var body = Jobs.OpcodeBuilder.BodyObject(req.Body);
            if (!body.TryGetPropertyValue("__version__", out var version))
                throw RapiException.BadRequest("Instance creation request version 0 is no longer supported");
            if (!IsOne(version))
                throw RapiException.BadRequest($"Unsupported request data version {version?.ToJsonString() ?? "None"}");
            body.Remove("__version__");
            return jobs.SubmitAsync(req, jobs.Build(req, "OP_INSTANCE_CREATE", Opcode, bodyOverride: body));
        });
        r.Add("createInstancesMultiAlloc", req =>
        {
            var body = Jobs.OpcodeBuilder.BodyObject(req.Body, allowMissing: false);
            if (body["instances"] is not JsonArray list) throw RapiException.BadRequest("Required parameter 'instances' is missing");
            var filled = new JsonArray();
            foreach (var item in list)
            {
                var spec = Jobs.OpcodeBuilder.BodyObject(item);
                if (spec.ContainsKey("__version__")) throw RapiException.BadRequest("Invalid body parameters: Object OpInstanceCreate doesn't support the parameter '__version__'");
                foreach (var (old, @new) in new[] { ("name", "instance_name"), ("os", "os_type") })
                {
                    if (!spec.ContainsKey(old)) continue;
                    if (spec.ContainsKey(@new)) throw RapiException.BadRequest($"Parameter '{old}' was renamed to '{@new}', but both are specified");
                    spec[@new] = spec[old]?.DeepClone();
                    spec.Remove(old);
                }
                // Each element is filled (and checked) as an OP_INSTANCE_CREATE, as Ganeti's handler does.
                var op = jobs.Build(req, "OP_INSTANCE_CREATE", Opcode, bodyOverride: spec, noBinding: true);
                foreach (var common in new[] { "dry_run", "debug_level", "priority", "depends", "comment", "reason" }) op.Remove(common);
                filled.Add(op);
            }
            body["instances"] = filled;
            return jobs.SubmitAsync(req, jobs.Build(req, "OP_INSTANCE_MULTI_ALLOC", Opcode, bodyOverride: body));
        });
        r.Add("deleteInstance", req => jobs.SubmitAsync(req, "OP_INSTANCE_REMOVE", Opcode));
        r.Add("getInstanceInfo", req => jobs.SubmitAsync(req, "OP_INSTANCE_QUERY_DATA", Ignored, s =>
        {
            s["instances"] = new JsonArray(req["instance_name"]);
            s["static"] = req.IsSet("static");
        }));
        r.Add("rebootInstance", req =>
        {
            var type = req.First("type") ?? "hard";
            if (type is not ("soft" or "hard" or "full")) throw RapiException.BadRequest($"Invalid reboot type '{type}'");
            return jobs.SubmitAsync(req, "OP_INSTANCE_REBOOT", Opcode, s => s["reboot_type"] = type);
        });
        r.Add("shutdownInstance", req => jobs.SubmitAsync(req, "OP_INSTANCE_SHUTDOWN", Opcode));
        r.Add("startupInstance", req => jobs.SubmitAsync(req, "OP_INSTANCE_STARTUP", Ignored));
        r.Add("reinstallInstance", req => jobs.SubmitAsync(req, Reinstall(req, jobs)));
        r.Add("replaceInstanceDisks", req =>
        {
            var body = req.Body is null or JsonObject { Count: 0 } ? Legacy(req, "remote_node", "mode", "disks", "iallocator") : Jobs.OpcodeBuilder.BodyObject(req.Body);
            if (body["disks"] is JsonValue dv && dv.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                // rlib2: an empty string is no disks at all (every disk); otherwise int() of each comma-separated part.
                var text = dv.GetValue<string>();
                if (text.Length == 0) body.Remove("disks");
                else
                {
                    var parts = text.Split(',');
                    if (parts.FirstOrDefault(p => !int.TryParse(p, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _)) is { } bad)
                        throw RapiException.BadRequest($"Invalid disk index passed: invalid literal for int() with base 10: '{bad}'");
                    body["disks"] = new JsonArray(parts.Select(p => (JsonNode)int.Parse(p, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture)).ToArray());
                }
            }
            return jobs.SubmitAsync(req, jobs.Build(req, "OP_INSTANCE_REPLACE_DISKS", Opcode, bodyOverride: body));
        });
        r.Add("activateInstanceDisks", req => jobs.SubmitAsync(req, "OP_INSTANCE_ACTIVATE_DISKS", Ignored));
        r.Add("deactivateInstanceDisks", req => jobs.SubmitAsync(req, "OP_INSTANCE_DEACTIVATE_DISKS", Ignored));
        r.Add("recreateInstanceDisks", req => jobs.SubmitAsync(req, "OP_INSTANCE_RECREATE_DISKS", Opcode));
        r.Add("growInstanceDisk", req => jobs.SubmitAsync(req, "OP_INSTANCE_GROW_DISK", Opcode));
        r.Add("prepareInstanceExport", req => jobs.SubmitAsync(req, "OP_BACKUP_PREPARE", Ignored, s =>
        {
            if (req.First("mode") is { } mode) s["mode"] = mode;
        }));
        r.Add("exportInstance", req => jobs.SubmitAsync(req, "OP_BACKUP_EXPORT", Opcode));
        r.Add("migrateInstance", req => jobs.SubmitAsync(req, "OP_INSTANCE_MIGRATE", Opcode));
        r.Add("failoverInstance", req => jobs.SubmitAsync(req, "OP_INSTANCE_FAILOVER", Opcode));
        r.Add("renameInstance", req => jobs.SubmitAsync(req, "OP_INSTANCE_RENAME", Opcode));
        // Real Ganeti answers 500 (a TypeError) to a modify without body; we answer 400 (recorded in the spec's notes).
        r.Add("modifyInstance", req => jobs.SubmitAsync(req, "OP_INSTANCE_SET_PARAMS", Required));
    }

    private static JsonObject[] Reinstall(RapiRequest req, JobSubmission jobs)
    {
        string? os;
        bool start;
        JsonNode? osparams = null;
        if (req.Body is JsonObject { Count: > 0 } body)
        {
            if (req.Query.Count > 0) throw RapiException.BadRequest("Can't combine query and body parameters");
            // Ganeti builds these opcodes without validating them; luxid then refuses a value it cannot read
            // with 502. We refuse the same values with 400 and the same message (the spec's x-rapi-notes say so).
            os = null;
            if (body["os"] is { } ov)
            {
                if (ov.GetValueKind() != System.Text.Json.JsonValueKind.String)
                    throw RapiException.BadRequest("Failed to parse request: SubmitJob: Can't parse value for 'os_type': Unable to read String");
                os = ov.GetValue<string>();
                if (os.Length == 0)
                    throw RapiException.BadRequest("Failed to parse request: SubmitJob: Can't parse value for 'os_type': Received empty value for non-empty list");
            }
            start = true;
            if (body["start"] is { } sv)
            {
                if (sv.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
                    throw RapiException.BadRequest($"'start' parameter: Type is '{Jobs.OpcodeBuilder.PythonType(sv)}', but 'bool' is expected");
                start = sv.GetValue<bool>();
            }
            if (body["osparams"] is { } op && op is not JsonObject)
                throw RapiException.BadRequest("Failed to parse request: SubmitJob: Can't parse value for 'osparams': Unable to read JSObject");
            osparams = body["osparams"]?.DeepClone();
        }
        else
        {
            if (req.Body is not null and not JsonObject) Jobs.OpcodeBuilder.BodyObject(req.Body);
            os = req.First("os");
            start = !req.IsSet("nostartup");
        }
        var name = req["instance_name"];
        var ops = new List<JsonObject>
        {
            jobs.Build(req, "OP_INSTANCE_SHUTDOWN", Ignored, s => s["instance_name"] = name, bodyOverride: []),
        };
        var reinstall = new JsonObject();
        if (os is not null) reinstall["os_type"] = os;
        if (osparams is not null) reinstall["osparams"] = osparams;
        ops.Add(jobs.Build(req, "OP_INSTANCE_REINSTALL", Ignored, s => s["instance_name"] = name, bodyOverride: reinstall));
        if (start) ops.Add(jobs.Build(req, "OP_INSTANCE_STARTUP", Ignored, s => { s["instance_name"] = name; s["force"] = false; }, bodyOverride: []));
        return ops.ToArray();
    }

    private static JsonObject Legacy(RapiRequest req, params string[] names)
    {
        var o = new JsonObject();
        foreach (var n in names) if (req.First(n) is { } v) o[n] = v;
        return o;
    }

    private static bool IsOne(JsonNode? v) =>
        v is JsonValue jv && (jv.GetValueKind() == System.Text.Json.JsonValueKind.True
            || (jv.GetValueKind() == System.Text.Json.JsonValueKind.Number && jv.Num() == 1.0));
}
