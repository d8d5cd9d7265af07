using RapiConformance.Generation.Requests;

namespace RapiConformance.Generation.Tests;

/// <summary>A fixed set of "existing" entities for tests that need no target.</summary>
internal static class TestPool
{
    public static EntityPool Create() => new(new Dictionary<string, string[]>
    {
        ["instance_name"] = ["inst1.example.com", "inst2.example.com"],
        ["node_name"] = ["node1.example.com", "node2.example.com"],
        ["group_name"] = ["default"],
        ["network_name"] = ["net1"],
        ["job_id"] = ["1", "2"],
    });
}
