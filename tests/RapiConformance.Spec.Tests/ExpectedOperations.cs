namespace RapiConformance.Spec.Tests;

/// <summary>
/// The operations each document names, as data. 2.0: seed 000 (its /2/instances/tags is /2/tags). 2.5: seed
/// 001, counted from the document: 54 method subsections plus GET /2/nodes/[node_name], which is named only in
/// a "supports the following commands: GET" line — 55 (resources.md says 56; no 56th operation is in the seed).
/// 3.0: the route table and rst of Ganeti 3.0 (docs/CONTRACTS.md).
/// </summary>
internal static class ExpectedOperations
{
    public static readonly string[] V2_0 =
    [
        "GET /", "GET /2", "GET /2/info", "GET /2/os",
        "GET /2/tags", "PUT /2/tags", "DELETE /2/tags",
        "GET /2/instances", "POST /2/instances",
        "GET /2/instances/{instance_name}", "DELETE /2/instances/{instance_name}",
        "POST /2/instances/{instance_name}/reboot", "POST /2/instances/{instance_name}/reinstall",
        "PUT /2/instances/{instance_name}/shutdown", "PUT /2/instances/{instance_name}/startup",
        "GET /2/instances/{instance_name}/tags", "PUT /2/instances/{instance_name}/tags", "DELETE /2/instances/{instance_name}/tags",
        "GET /2/jobs", "GET /2/jobs/{job_id}", "DELETE /2/jobs/{job_id}",
        "GET /2/nodes", "GET /2/nodes/{node_name}",
        "GET /2/nodes/{node_name}/tags", "PUT /2/nodes/{node_name}/tags", "DELETE /2/nodes/{node_name}/tags",
    ];

    public static readonly string[] V2_5 =
    [
        "GET /", "GET /2", "GET /version", "GET /2/info", "GET /2/features", "GET /2/os",
        "PUT /2/redistribute-config", "PUT /2/modify",
        "GET /2/tags", "PUT /2/tags", "DELETE /2/tags",
        "GET /2/groups", "POST /2/groups", "GET /2/groups/{group_name}", "DELETE /2/groups/{group_name}",
        "PUT /2/groups/{group_name}/modify", "PUT /2/groups/{group_name}/rename", "PUT /2/groups/{group_name}/assign-nodes",
        "GET /2/instances", "POST /2/instances",
        "GET /2/instances/{instance_name}", "DELETE /2/instances/{instance_name}",
        "GET /2/instances/{instance_name}/info", "POST /2/instances/{instance_name}/reboot",
        "PUT /2/instances/{instance_name}/shutdown", "PUT /2/instances/{instance_name}/startup",
        "POST /2/instances/{instance_name}/reinstall", "POST /2/instances/{instance_name}/replace-disks",
        "PUT /2/instances/{instance_name}/activate-disks", "PUT /2/instances/{instance_name}/deactivate-disks",
        "POST /2/instances/{instance_name}/disk/{disk_index}/grow",
        "PUT /2/instances/{instance_name}/prepare-export", "PUT /2/instances/{instance_name}/export",
        "PUT /2/instances/{instance_name}/migrate", "PUT /2/instances/{instance_name}/rename",
        "PUT /2/instances/{instance_name}/modify",
        "GET /2/instances/{instance_name}/tags", "PUT /2/instances/{instance_name}/tags", "DELETE /2/instances/{instance_name}/tags",
        "GET /2/jobs", "GET /2/jobs/{job_id}", "DELETE /2/jobs/{job_id}", "GET /2/jobs/{job_id}/wait",
        "GET /2/nodes", "GET /2/nodes/{node_name}",
        "POST /2/nodes/{node_name}/evacuate", "POST /2/nodes/{node_name}/migrate",
        "GET /2/nodes/{node_name}/role", "PUT /2/nodes/{node_name}/role",
        "GET /2/nodes/{node_name}/storage", "PUT /2/nodes/{node_name}/storage/modify", "PUT /2/nodes/{node_name}/storage/repair",
        "GET /2/nodes/{node_name}/tags", "PUT /2/nodes/{node_name}/tags", "DELETE /2/nodes/{node_name}/tags",
    ];

    /// <summary>Operations new in 3.0 (3.0 = 2.5 plus these; every older operation still exists).</summary>
    public static readonly string[] NewIn3_0 =
    [
        "GET /2/filters", "POST /2/filters", "GET /2/filters/{filter_uuid}", "PUT /2/filters/{filter_uuid}", "DELETE /2/filters/{filter_uuid}",
        "GET /2/groups/{group_name}/tags", "PUT /2/groups/{group_name}/tags", "DELETE /2/groups/{group_name}/tags",
        "GET /2/networks", "POST /2/networks", "GET /2/networks/{network_name}", "DELETE /2/networks/{network_name}",
        "PUT /2/networks/{network_name}/connect", "PUT /2/networks/{network_name}/disconnect", "PUT /2/networks/{network_name}/modify",
        "GET /2/networks/{network_name}/tags", "PUT /2/networks/{network_name}/tags", "DELETE /2/networks/{network_name}/tags",
        "POST /2/instances-multi-alloc", "POST /2/instances/{instance_name}/recreate-disks",
        "PUT /2/instances/{instance_name}/failover", "GET /2/instances/{instance_name}/console",
        "POST /2/nodes/{node_name}/powercycle", "POST /2/nodes/{node_name}/modify",
        "GET /2/query/{resource_type}", "PUT /2/query/{resource_type}", "GET /2/query/{resource_type}/fields",
    ];

    public static IReadOnlyList<string> For(Profile profile) =>
        profile == Profile.V2_0 ? V2_0 : profile == Profile.V2_5 ? V2_5 : [.. V2_5, .. NewIn3_0];

    /// <summary>operationId per method + path, from docs/CONTRACTS.md.</summary>
    public static Dictionary<string, string> IdsFromContracts()
    {
        var contracts = Path.Combine(ReferenceFiles.Repository, "docs", "CONTRACTS.md");
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(contracts))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 5 || cells[1] is not ("GET" or "PUT" or "POST" or "DELETE")) continue;
            ids[$"{cells[1]} {cells[2].Trim('`')}"] = cells[3];
        }
        return ids;
    }
}
