using System.Text.Json;

namespace RapiConformance.Checks;

/// <summary>The body that creates a small, cheap instance on the target (diskless when allowed, never started).</summary>
internal static class InstanceRequests
{
    public static string CreateBody(CheckContext context, ClusterFacts facts, string name, int ipSuffix)
    {
        var template = facts.DiskTemplates.Count == 0 || facts.DiskTemplates.Contains("diskless") ? "diskless" : facts.DiskTemplates[0];
        var body = new Dictionary<string, object?>
        {
            ["mode"] = "create",
            ["name"] = name,
            ["disk_template"] = template,
            ["disks"] = template == "diskless" ? Array.Empty<object>() : new object[] { new Dictionary<string, object> { ["size"] = 128 } },
            ["nics"] = new object[] { new Dictionary<string, object> { ["mode"] = "routed", ["link"] = "lo", ["ip"] = $"10.77.{context.Seed % 200 + 20}.{ipSuffix}" } },
            ["os_type"] = facts.OperatingSystems.FirstOrDefault() ?? "noop+default",
            ["pnode"] = facts.NonMasterNode ?? facts.Nodes.FirstOrDefault(),
            ["beparams"] = new Dictionary<string, object> { ["memory"] = 128, ["vcpus"] = 1 },
            ["ip_check"] = false,
            ["name_check"] = false,
            ["start"] = false,
        };
        // Request version 1 (feature instance-create-reqv1): every Ganeti since 2.1 refuses creation without it.
        body["__version__"] = 1;
        return JsonSerializer.Serialize(body);
    }
}
