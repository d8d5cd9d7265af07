using System.Text.Json.Nodes;
using RapiConformance.Server.Http;
using static RapiConformance.Server.Handlers.JobSubmission.BodyUse;

namespace RapiConformance.Server.Handlers;

/// <summary>Cluster, group, network, node and tag operations that submit jobs.</summary>
public static class OtherWriteHandlers
{
    private static readonly (string Prefix, string Kind, string? PathParameter)[] TagTargets =
    [
        ("Cluster", "cluster", null),
        ("Instance", "instance", "instance_name"),
        ("Node", "node", "node_name"),
        ("Group", "nodegroup", "group_name"),
        ("Network", "network", "network_name"),
    ];

    public static void Register(HandlerRegistry r, JobSubmission jobs)
    {
        r.Add("redistributeConfig", req => jobs.SubmitAsync(req, "OP_CLUSTER_REDIST_CONF", Opcode));
        // Real Ganeti answers 500 to PUT /2/modify without a body; we answer 400.
        r.Add("modifyCluster", req =>
        {
            if (req.Query.ContainsKey("compression_tools")) throw new RapiException(403, "The parameter compression_tools cannot be set via RAPI");
            return jobs.SubmitAsync(req, "OP_CLUSTER_SET_PARAMS", Required);
        });

        r.Add("createGroup", req => jobs.SubmitAsync(req, "OP_GROUP_ADD", Opcode));
        r.Add("deleteGroup", req => jobs.SubmitAsync(req, "OP_GROUP_REMOVE", Ignored));
        r.Add("modifyGroup", req => jobs.SubmitAsync(req, "OP_GROUP_SET_PARAMS", Opcode));
        r.Add("renameGroup", req => jobs.SubmitAsync(req, "OP_GROUP_RENAME", Opcode));
        r.Add("assignGroupNodes", req => jobs.SubmitAsync(req, "OP_GROUP_ASSIGN_NODES", Opcode));

        r.Add("createNetwork", req => jobs.SubmitAsync(req, "OP_NETWORK_ADD", Opcode));
        r.Add("deleteNetwork", req => jobs.SubmitAsync(req, "OP_NETWORK_REMOVE", Opcode));
        r.Add("connectNetwork", req => jobs.SubmitAsync(req, "OP_NETWORK_CONNECT", Opcode));
        r.Add("disconnectNetwork", req => jobs.SubmitAsync(req, "OP_NETWORK_DISCONNECT", Opcode));
        r.Add("modifyNetwork", req => jobs.SubmitAsync(req, "OP_NETWORK_SET_PARAMS", Opcode));

        r.Add("powercycleNode", req => jobs.SubmitAsync(req, "OP_NODE_POWERCYCLE", Opcode));
        r.Add("setNodeRole", req =>
        {
            if (req.Body is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.String)
                throw RapiException.BadRequest($"Body contents: Type is '{Jobs.OpcodeBuilder.PythonType(req.Body)}', but 'str' is expected");
            var role = v.GetValue<string>();
            (bool? candidate, bool? offline, bool? drained) flags = role switch
            {
                "regular" => (false, false, false),
                "master-candidate" => (true, false, false),
                "drained" => (null, null, true),
                "offline" => (null, true, null),
                _ => throw RapiException.BadRequest($"Can't set '{role}' role"),
            };
            return jobs.SubmitAsync(req, "OP_NODE_SET_PARAMS", Ignored, s =>
            {
                s["master_candidate"] = flags.candidate;
                s["offline"] = flags.offline;
                s["drained"] = flags.drained;
            });
        });
        r.Add("evacuateNode", req => jobs.SubmitAsync(req, "OP_NODE_EVACUATE", Opcode));
        r.Add("migrateNode", req =>
        {
            if (req.Query.Count == 0) return jobs.SubmitAsync(req, "OP_NODE_MIGRATE", Opcode);
            if (req.First("live") is not null && req.First("mode") is not null)
                throw RapiException.BadRequest("Only one of 'live' and 'mode' should be passed");
            var legacy = new JsonObject();
            if (req.First("mode") is { } mode) legacy["mode"] = mode;
            else if (req.Flag("live") is { } live) legacy["mode"] = live ? "live" : "non-live";
            return jobs.SubmitAsync(req, jobs.Build(req, "OP_NODE_MIGRATE", Opcode, bodyOverride: legacy));
        });
        r.Add("modifyNode", req => jobs.SubmitAsync(req, "OP_NODE_SET_PARAMS", Opcode));
        r.Add("getNodeStorage", req =>
        {
            var fields = req.First("output_fields") ?? throw RapiException.BadRequest("Missing the required 'output_fields' parameter");
            return jobs.SubmitAsync(req, "OP_NODE_QUERY_STORAGE", Ignored, s =>
            {
                s["nodes"] = new JsonArray(req["node_name"]);
                // None when not given: the LU then takes the storage type of the first enabled disk template.
                s["storage_type"] = req.First("storage_type");
                s["output_fields"] = new JsonArray(fields.Split(',').Select(f => (JsonNode)f).ToArray());
            });
        });
        r.Add("modifyNodeStorage", req =>
        {
            var name = req.First("name") ?? throw RapiException.BadRequest("Missing the required 'name' parameter");
            return jobs.SubmitAsync(req, "OP_NODE_MODIFY_STORAGE", Ignored, s =>
            {
                s["storage_type"] = req.First("storage_type") ?? "lvm-vg";
                s["name"] = name;
                var changes = new JsonObject();
                if (req.Flag("allocatable") is { } a) changes["allocatable"] = a;
                s["changes"] = changes;
            });
        });
        r.Add("repairNodeStorage", req =>
        {
            var name = req.First("name") ?? throw RapiException.BadRequest("Missing the required 'name' parameter");
            return jobs.SubmitAsync(req, "OP_REPAIR_NODE_STORAGE", Ignored, s =>
            {
                s["storage_type"] = req.First("storage_type") ?? "lvm-vg";
                s["name"] = name;
            });
        });

        foreach (var (prefix, kind, parameter) in TagTargets)
        {
            r.Add($"add{prefix}Tags", req => SubmitTags(req, jobs, "OP_TAGS_SET", kind, parameter));
            r.Add($"delete{prefix}Tags", req => SubmitTags(req, jobs, "OP_TAGS_DEL", kind, parameter));
        }
    }

    private static Task<RapiResult> SubmitTags(RapiRequest req, JobSubmission jobs, string opId, string kind, string? parameter) =>
        jobs.SubmitAsync(req, opId, Ignored, s =>
        {
            s["kind"] = kind;
            if (parameter is not null) s["name"] = req[parameter];
            s["tags"] = new JsonArray(req.All("tag").Select(t => (JsonNode)t).ToArray());
        });
}
