namespace RapiConformance.Differential;

/// <summary>Requests that must fail: unknown entities, bad input, wrong methods, missing or weak credentials.</summary>
public static class DiffErrorSequence
{
    private const string Unknown = "rcdiff-no-such-entity";
    private const string UnknownUuid = "00000000-0000-4000-8000-00000000dead";

    private static DiffStep E(string op, string variant, string method, string path, string? body = null,
        DiffRole role = DiffRole.Writer, string? contentType = "application/json") =>
        new($"{op}:{variant}", op, DiffStepKind.Error, method, path, body, role, ContentType: contentType);

    public static IReadOnlyList<DiffStep> Steps { get; } =
    [
        E("getInstance", "unknown", "GET", $"/2/instances/{Unknown}"),
        E("getNode", "unknown", "GET", $"/2/nodes/{Unknown}"),
        E("getGroup", "unknown", "GET", $"/2/groups/{Unknown}"),
        E("getNetwork", "unknown", "GET", $"/2/networks/{Unknown}"),
        E("getFilter", "unknown", "GET", $"/2/filters/{UnknownUuid}"),
        E("getJob", "unknown", "GET", "/2/jobs/99999999"),
        E("getNodeRole", "unknown", "GET", $"/2/nodes/{Unknown}/role"),
        E("getInstanceConsole", "unknown", "GET", $"/2/instances/{Unknown}/console"),
        E("getInstanceTags", "unknown", "GET", $"/2/instances/{Unknown}/tags"),
        E("getNodeTags", "unknown", "GET", $"/2/nodes/{Unknown}/tags"),
        E("getGroupTags", "unknown", "GET", $"/2/groups/{Unknown}/tags"),
        E("getNetworkTags", "unknown", "GET", $"/2/networks/{Unknown}/tags"),
        E("waitForJobChange", "unknown", "GET", "/2/jobs/99999999/wait", """{"fields":["status"]}"""),
        E("waitForJobChange", "no-body", "GET", "/2/jobs/{last_job}/wait"),
        E("waitForJobChange", "reader", "GET", "/2/jobs/{last_job}/wait", """{"fields":["status"]}""", DiffRole.Reader),
        E("cancelJob", "unknown", "DELETE", "/2/jobs/99999999"),
        E("deleteFilter", "unknown", "DELETE", $"/2/filters/{UnknownUuid}"),
        E("getVersion", "wrong-method", "PUT", "/version"),
        E("getClusterInfo", "wrong-method", "POST", "/2/info"),
        E("getInstance", "wrong-method", "POST", "/2/instances/{instance}"),
        E("(none)", "unknown-path", "GET", "/2/rcdiff-no-such-resource"),
        E("(none)", "unknown-top", "GET", "/rcdiff"),
        E("(none)", "trailing-slash", "GET", "/2/instances/"),
        E("getClusterInfo", "anonymous", "GET", "/2/info", role: DiffRole.Anonymous),
        E("getClusterInfo", "wrong-password", "GET", "/2/info", role: DiffRole.WrongPassword),
        E("addClusterTags", "anonymous", "PUT", "/2/tags?tag=rcdiff-denied", role: DiffRole.Anonymous),
        E("addClusterTags", "reader", "PUT", "/2/tags?tag=rcdiff-denied", role: DiffRole.Reader),
        E("queryResource", "plain-user", "GET", "/2/query/instance?fields=name", role: DiffRole.Plain),
        E("getInstanceConsole", "plain-user", "GET", "/2/instances/{instance}/console", role: DiffRole.Plain),
        E("listInstances", "plain-user", "GET", "/2/instances", role: DiffRole.Plain),
        E("listInstances", "bool-true", "GET", "/2/instances?bulk=true"),
        E("listInstances", "bool-2", "GET", "/2/instances?bulk=2"),
        E("createInstance", "text-plain", "POST", "/2/instances", """{"__version__":1}""", contentType: "text/plain"),
        E("createInstance", "charset", "POST", "/2/instances", """{"__version__":1}""", contentType: "application/json; charset=utf-8"),
        E("createInstance", "malformed", "POST", "/2/instances", """{"__version__":"""),
        E("createInstance", "not-object", "POST", "/2/instances", "[1,2]"),
        E("createInstance", "no-version", "POST", "/2/instances", """{"name":"rcdiff-x"}"""),
        E("createInstance", "bad-version", "POST", "/2/instances", """{"__version__":2}"""),
        E("createInstance", "unknown-param", "POST", "/2/instances?dry-run=1",
            """{"__version__":1,"mode":"create","name":"rcdiff-x","rcdiff_bogus":1}"""),
        E("queryResource", "unknown-resource", "GET", "/2/query/rcdiff?fields=name"),
        E("queryResource", "no-fields", "GET", "/2/query/instance"),
        E("queryResourceFields", "unknown-resource", "GET", "/2/query/rcdiff/fields"),
        E("setNodeRole", "master", "PUT", "/2/nodes/{node}/role", "\"master\""),
        E("setNodeRole", "not-a-role", "PUT", "/2/nodes/{node}/role", "\"boss\""),
        E("modifyCluster", "no-body", "PUT", "/2/modify"),
        E("modifyInstance", "no-body", "PUT", "/2/instances/{instance}/modify"),
        E("createInstancesMultiAlloc", "no-body", "POST", "/2/instances-multi-alloc"),
        E("getNodeStorage", "no-output-fields", "GET", "/2/nodes/{node}/storage?storage_type=lvm-vg"),
        E("modifyNodeStorage", "no-name", "PUT", "/2/nodes/{node}/storage/modify?storage_type=lvm-vg"),
        E("createFilter", "not-object", "POST", "/2/filters"),
        E("createFilter", "unknown-key", "POST", "/2/filters", """{"uuid":"x"}"""),
        E("evacuateNode", "no-mode", "POST", "/2/nodes/{node}/evacuate"),
        E("renameGroup", "no-new-name", "PUT", "/2/groups/{empty_group}/rename"),
    ];
}
