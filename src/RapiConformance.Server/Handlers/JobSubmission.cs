using System.Globalization;
using System.Text.Json.Nodes;
using RapiConformance.Server.Faults;
using RapiConformance.Server.Http;
using RapiConformance.Server.Jobs;

namespace RapiConformance.Server.Handlers;

/// <summary>How a RAPI write becomes a job: fill the opcode(s) from URL, query and body, submit, answer the id.</summary>
public sealed class JobSubmission(RapiServices services)
{
    public enum BodyUse { Opcode, Ignored, Required }

    /// <summary>Static parameters the handler takes from the path or the query, by opcode parameter name.</summary>
    public Dictionary<string, JsonNode?> Statics(RapiRequest req, RapiOpcodeBinding? binding)
    {
        var s = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (binding is null) return s;
        foreach (var name in binding.StaticParams)
        {
            switch (name)
            {
                case "instance_name" or "node_name" or "group_name" or "network_name":
                    if (req.PathValues.TryGetValue(name, out var v)) s[name] = v;
                    break;
                case "dry_run": s[name] = req.IsSet("dry-run"); break;
                case "force": s[name] = req.IsSet("force"); break;
                case "no_remember": s[name] = req.IsSet("no_remember"); break;
                case "ignore_secondaries": s[name] = req.IsSet("ignore_secondaries"); break;
                case "ignore_size": s[name] = req.IsSet("ignore_size"); break;
                case "auto_promote": s[name] = req.IsSet("auto-promote"); break;
                case "static": s[name] = req.IsSet("static"); break;
                case "ignore_failures": s[name] = false; break;
                // Digits beyond 64 bits stay a number and fail the opcode's check (400, "fails validation"), as on Ganeti.
                case "disk": s[name] = JsonNode.Parse(req["disk_index"]); break;
            }
        }
        return s;
    }

    public JsonArray Reason(RapiRequest req, RapiOpcodeBinding? binding, bool library = true)
    {
        var ns = services.Cluster.Time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000;
        var trail = new JsonArray();
        if (req.First("reason") is { } text) trail.Add(new JsonArray("gnt:user", text, ns));
        if (library && binding is not null) trail.Add(new JsonArray(binding.ReasonSource, "", ns));
        return trail;
    }

    public RapiOpcodeBinding? Binding(RapiRequest req) =>
        services.Opcodes.Table.Binding(req.Operation.Method, req.Operation.PathTemplate);

    /// <summary>Builds one opcode for this request (checks included) without submitting it.</summary>
    public JsonObject Build(RapiRequest req, string opId, BodyUse use, Action<Dictionary<string, JsonNode?>>? extra = null,
        JsonObject? bodyOverride = null, bool noBinding = false)
    {
        var binding = noBinding ? null : Binding(req);
        var statics = Statics(req, binding);
        extra?.Invoke(statics);
        JsonObject body;
        if (bodyOverride is not null) body = bodyOverride;
        else if (use == BodyUse.Ignored)
        {
            body = [];
            if (req.Body is JsonObject o && o["depends"] is { } dep) body["depends"] = dep.DeepClone();
        }
        else body = OpcodeBuilder.BodyObject(req.Body, allowMissing: use != BodyUse.Required);
        return services.Opcodes.Build(opId, body, statics, binding, Reason(req, binding),
            services.Faults.Has(FaultIds.UnknownBodyMemberAccepted));
    }

    public async Task<RapiResult> SubmitAsync(RapiRequest req, params JsonObject[] ops)
    {
        var id = await services.Jobs.SubmitAsync(ops, req.Aborted).ConfigureAwait(false);
        return JobId(id);
    }

    public Task<RapiResult> SubmitAsync(RapiRequest req, string opId, BodyUse use, Action<Dictionary<string, JsonNode?>>? extra = null) =>
        SubmitAsync(req, Build(req, opId, use, extra));

    public RapiResult JobId(long id) =>
        services.Faults.Has(FaultIds.JobIdString) ? RapiResult.Json(id.ToString(CultureInfo.InvariantCulture)) : RapiResult.Json(id);
}
