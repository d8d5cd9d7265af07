namespace RapiConformance.Differential;

/// <summary>The reads of the sequence: every documented GET, each with the names of its own side.</summary>
public static class DiffReadSequence
{
    private static DiffStep Get(string op, string variant, string path, DiffRole role = DiffRole.Reader, bool job = false) =>
        new($"{op}:{variant}", op, DiffStepKind.Read, "GET", path, Role: role, FollowJob: job);

    public static IReadOnlyList<DiffStep> Steps { get; } =
    [
        Get("getRoot", "plain", "/"),
        Get("getApiRoot", "plain", "/2"),
        Get("getVersion", "plain", "/version"),
        Get("getClusterInfo", "plain", "/2/info"),
        Get("getFeatures", "plain", "/2/features"),
        Get("getOperatingSystems", "plain", "/2/os"),
        Get("getClusterTags", "plain", "/2/tags"),
        Get("listFilters", "plain", "/2/filters"),
        Get("listFilters", "bulk", "/2/filters?bulk=1"),
        Get("getFilter", "existing", "/2/filters/{filter}"),
        Get("listGroups", "plain", "/2/groups"),
        Get("listGroups", "bulk", "/2/groups?bulk=1"),
        Get("getGroup", "with-nodes", "/2/groups/{group}"),
        Get("getGroup", "empty", "/2/groups/{empty_group}"),
        Get("getGroupTags", "plain", "/2/groups/{group}/tags"),
        Get("listNetworks", "plain", "/2/networks"),
        Get("listNetworks", "bulk", "/2/networks?bulk=1"),
        Get("getNetwork", "existing", "/2/networks/{network}"),
        Get("getNetworkTags", "plain", "/2/networks/{network}/tags"),
        Get("listInstances", "plain", "/2/instances"),
        Get("listInstances", "bulk", "/2/instances?bulk=1"),
        Get("getInstance", "running", "/2/instances/{instance}"),
        Get("getInstance", "stopped", "/2/instances/{stopped_instance}"),
        Get("getInstanceInfo", "running", "/2/instances/{instance}/info", job: true),
        Get("getInstanceInfo", "static", "/2/instances/{instance}/info?static=1", job: true),
        Get("getInstanceConsole", "running", "/2/instances/{instance}/console"),
        Get("getInstanceConsole", "stopped", "/2/instances/{stopped_instance}/console"),
        Get("getInstanceTags", "plain", "/2/instances/{instance}/tags"),
        Get("listJobs", "plain", "/2/jobs"),
        Get("listJobs", "bulk", "/2/jobs?bulk=1"),
        Get("getJob", "finished", "/2/jobs/{last_job}"),
        new("waitForJobChange:finished", "waitForJobChange", DiffStepKind.Read, "GET", "/2/jobs/{last_job}/wait",
            """{"fields":["status","opstatus"],"previous_job_info":null,"previous_log_serial":null}"""),
        Get("listNodes", "plain", "/2/nodes"),
        Get("listNodes", "bulk", "/2/nodes?bulk=1"),
        Get("getNode", "master", "/2/nodes/{node}"),
        Get("getNodeRole", "master", "/2/nodes/{node}/role"),
        Get("getNodeTags", "plain", "/2/nodes/{node}/tags"),
        Get("queryResource", "instance", "/2/query/instance?fields=name,status,oper_state,admin_state"),
        Get("queryResource", "node", "/2/query/node?fields=name,role,offline"),
        Get("queryResource", "group", "/2/query/group?fields=name,node_cnt"),
        Get("queryResource", "network", "/2/query/network?fields=name,network"),
        Get("queryResource", "job", "/2/query/job?fields=id,status"),
        Get("queryResource", "unknown-field", "/2/query/instance?fields=name,rcdiff_no_such_field"),
        new("queryResourceWithFilter:instance", "queryResourceWithFilter", DiffStepKind.Read, "PUT", "/2/query/instance",
            """{"fields":["name","status"],"qfilter":["=","name","{instance}"]}""", Role: DiffRole.Reader),
        Get("queryResourceFields", "instance", "/2/query/instance/fields"),
        Get("queryResourceFields", "node-selected", "/2/query/node/fields?fields=name,role"),
    ];
}
