namespace RapiConformance.Differential;

/// <summary>
/// Writes both servers can run and undo (tags, a group, a network, a filter, start/stop of the stopped
/// instance), then the writes a fake-hypervisor, diskless one-node cluster refuses inside the job.
/// </summary>
public static class DiffWriteSequence
{
    private const string Tag = "rcdiff-{run}";

    private static DiffStep W(string op, string variant, string method, string path, string? body = null, bool job = true) =>
        new($"{op}:{variant}", op, DiffStepKind.Write, method, path, body, FollowJob: job);

    private static DiffStep R(string op, string variant, string method, string path, string? body = null) =>
        new($"{op}:{variant}", op, DiffStepKind.Refusal, method, path, body, FollowJob: true);

    public static IReadOnlyList<DiffStep> Steps { get; } =
    [
        W("addClusterTags", "one", "PUT", $"/2/tags?tag={Tag}"),
        W("deleteClusterTags", "one", "DELETE", $"/2/tags?tag={Tag}"),
        W("addClusterTags", "no-tag", "PUT", "/2/tags"),
        W("addClusterTags", "dry-run", "PUT", $"/2/tags?tag={Tag}&dry-run=1"),
        W("addInstanceTags", "one", "PUT", $"/2/instances/{{instance}}/tags?tag={Tag}"),
        W("deleteInstanceTags", "one", "DELETE", $"/2/instances/{{instance}}/tags?tag={Tag}"),
        W("addNodeTags", "one", "PUT", $"/2/nodes/{{node}}/tags?tag={Tag}"),
        W("deleteNodeTags", "one", "DELETE", $"/2/nodes/{{node}}/tags?tag={Tag}"),
        W("addGroupTags", "one", "PUT", $"/2/groups/{{group}}/tags?tag={Tag}"),
        W("deleteGroupTags", "one", "DELETE", $"/2/groups/{{group}}/tags?tag={Tag}"),
        W("addNetworkTags", "one", "PUT", $"/2/networks/{{network}}/tags?tag={Tag}"),
        W("deleteNetworkTags", "one", "DELETE", $"/2/networks/{{network}}/tags?tag={Tag}"),
        W("addInstanceTags", "invalid", "PUT", "/2/instances/{instance}/tags?tag=bad%20tag%21"),
        W("addInstanceTags", "unknown-instance", "PUT", $"/2/instances/rcdiff-no-such-entity/tags?tag={Tag}"),
        W("createGroup", "new", "POST", "/2/groups", """{"group_name":"rcdiffg-{run}"}"""),
        W("getGroup", "new", "GET", "/2/groups/rcdiffg-{run}", job: false),
        W("modifyGroup", "alloc-policy", "PUT", "/2/groups/rcdiffg-{run}/modify", """{"alloc_policy":"last_resort"}"""),
        W("renameGroup", "new", "PUT", "/2/groups/rcdiffg-{run}/rename", """{"new_name":"rcdiffh-{run}"}"""),
        W("deleteGroup", "renamed", "DELETE", "/2/groups/rcdiffh-{run}"),
        W("deleteGroup", "unknown", "DELETE", "/2/groups/rcdiff-no-such-entity"),
        W("createNetwork", "new", "POST", "/2/networks", """{"network_name":"rcdiffn-{run}","network":"192.0.2.0/28"}"""),
        W("getNetwork", "new", "GET", "/2/networks/rcdiffn-{run}", job: false),
        W("modifyNetwork", "gateway", "PUT", "/2/networks/rcdiffn-{run}/modify", """{"gateway":"192.0.2.1"}"""),
        W("deleteNetwork", "new", "DELETE", "/2/networks/rcdiffn-{run}"),
        new("createFilter:continue", "createFilter", DiffStepKind.Write, "POST", "/2/filters",
            """{"priority":0,"predicates":[],"action":"CONTINUE","reason":[]}""", Capture: "new_filter"),
        W("getFilter", "new", "GET", "/2/filters/{new_filter}", job: false),
        W("replaceFilter", "new", "PUT", "/2/filters/{new_filter}", """{"priority":1,"predicates":[],"action":"CONTINUE","reason":[]}""", job: false),
        W("deleteFilter", "new", "DELETE", "/2/filters/{new_filter}", job: false),
        W("startupInstance", "stopped", "PUT", "/2/instances/{stopped_instance}/startup"),
        W("shutdownInstance", "again", "PUT", "/2/instances/{stopped_instance}/shutdown"),
        W("rebootInstance", "running", "POST", "/2/instances/{instance}/reboot?type=soft"),
        W("activateInstanceDisks", "running", "PUT", "/2/instances/{instance}/activate-disks"),
        W("prepareInstanceExport", "local", "PUT", "/2/instances/{instance}/prepare-export?mode=local"),
        W("redistributeConfig", "plain", "PUT", "/2/redistribute-config"),
        W("getJob", "last", "GET", "/2/jobs/{last_job}", job: false),
        W("waitForJobChange", "last", "GET", "/2/jobs/{last_job}/wait", """{"fields":["status"],"previous_job_info":["success"]}""", job: false),
        W("cancelJob", "finished", "DELETE", "/2/jobs/{last_job}", job: false),
        R("growInstanceDisk", "diskless", "POST", "/2/instances/{instance}/disk/0/grow", """{"amount":128}"""),
        R("replaceInstanceDisks", "auto", "POST", "/2/instances/{instance}/replace-disks", """{"mode":"replace_auto"}"""),
        R("migrateInstance", "one-node", "PUT", "/2/instances/{instance}/migrate", "{}"),
        R("failoverInstance", "one-node", "PUT", "/2/instances/{instance}/failover", "{}"),
        R("exportInstance", "local", "PUT", "/2/instances/{instance}/export", """{"target_node":"{node}","mode":"local"}"""),
        R("recreateInstanceDisks", "diskless", "POST", "/2/instances/{instance}/recreate-disks", "{}"),
        R("deactivateInstanceDisks", "running", "PUT", "/2/instances/{instance}/deactivate-disks"),
        R("getNodeStorage", "lvm-vg", "GET", "/2/nodes/{node}/storage?storage_type=lvm-vg&output_fields=name,size"),
        R("modifyNodeStorage", "lvm-vg", "PUT", "/2/nodes/{node}/storage/modify?storage_type=lvm-vg&name=xenvg&allocatable=1"),
        R("repairNodeStorage", "lvm-vg", "PUT", "/2/nodes/{node}/storage/repair?storage_type=lvm-vg&name=xenvg"),
        R("evacuateNode", "all", "POST", "/2/nodes/{node}/evacuate", """{"mode":"all"}"""),
        R("powercycleNode", "master-no-force", "POST", "/2/nodes/{node}/powercycle"),
        R("setNodeRole", "master-to-regular", "PUT", "/2/nodes/{node}/role", "\"regular\""),
        R("modifyNode", "nothing", "POST", "/2/nodes/{node}/modify", "{}"),
        R("deleteInstance", "unknown", "DELETE", "/2/instances/rcdiff-no-such-entity"),
    ];
}
