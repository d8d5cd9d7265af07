using System.Text.Json.Nodes;

namespace RapiConformance.Server.Jobs;

/// <summary>
/// The keys Ganeti checks inside the parameter maps of cluster and group opcodes (the opcode table only types them as
/// dicts): hypervisor names and each hypervisor's parameters (hvparams, os_hvp), each disk template's parameters
/// (diskparams; the templates themselves are checked at submission), node parameters, and instance-policy keys. Class
/// and words as a live Ganeti 3.0.2 gives them; without these checks a client could grow the cluster's answers
/// without bound (a five-minute fuzz run made GET /2/groups?bulk=1 larger than 64 MiB).
/// </summary>
public sealed partial class OpExecutor
{
    // constants.IPOLICY_ALL_KEYS and NDS_PARAMETER_TYPES (Ganeti 3.0).
    private static readonly string[] IpolicyKeys = ["disk-templates", "minmax", "spindle-ratio", "std", "vcpu-ratio"];
    private static readonly string[] NodeParameterKeys = ["cpu_speed", "exclusive_storage", "oob_program", "ovs", "ovs_link", "ovs_name", "spindle_count", "ssh_port"];
    private static readonly string[] HypervisorTypes = ["chroot", "fake", "kvm", "lxc", "xen-hvm", "xen-pvm"];

    private void CheckParameterMaps(string id, JsonObject op)
    {
        if (id is not ("OP_CLUSTER_SET_PARAMS" or "OP_GROUP_ADD" or "OP_GROUP_SET_PARAMS")) return;
        if (op["hvparams"] is JsonObject hv)
            foreach (var (name, values) in hv) CheckHypervisorParameters(name, values);
        if (op["os_hvp"] is JsonObject osHvp)
            foreach (var (_, perOs) in osHvp)
                foreach (var (name, values) in perOs as JsonObject ?? []) CheckHypervisorParameters(name, values);
        if (op["diskparams"] is JsonObject disk)
            foreach (var (template, values) in disk)
                UnknownParameter(values, cluster.Config.Parameters["diskparams"]?[template] as JsonObject);
        if (op["ndparams"] is JsonObject nd && nd.Select(p => p.Key).FirstOrDefault(k => !NodeParameterKeys.Contains(k)) is { } badNd)
            throw new OpFailure("TypeEnforcementError", $"Unknown parameter '{badNd}'", null);
        if (op["ipolicy"] is JsonObject policy && policy.Select(p => p.Key).FirstOrDefault(k => !IpolicyKeys.Contains(k)) is { } badKey)
            throw OpFailure.Input($"Invalid key in new ipolicy: {badKey}");
    }

    private void CheckHypervisorParameters(string name, JsonNode? values)
    {
        if (!HypervisorTypes.Contains(name)) throw new OpFailure("HypervisorError", $"Unknown hypervisor type '{name}'", null);
        UnknownParameter(values, cluster.Config.Parameters["hvparams"]?[name] as JsonObject);
    }

    /// <summary>utils.ForceDictType: a key the defaults do not have is refused.</summary>
    private static void UnknownParameter(JsonNode? values, JsonObject? known)
    {
        if (values is not JsonObject given || known is null) return;
        if (given.Select(p => p.Key).FirstOrDefault(k => !known.ContainsKey(k)) is { } bad)
            throw new OpFailure("TypeEnforcementError", $"Unknown parameter '{bad}'", null);
    }
}
