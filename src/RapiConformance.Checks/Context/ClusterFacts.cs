namespace RapiConformance.Checks;

/// <summary>What the harness learned about the target before checking it: names to use in paths.</summary>
public sealed record ClusterFacts(
    IReadOnlyList<string> Instances,
    IReadOnlyList<string> Nodes,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Networks,
    IReadOnlyList<string> Filters,
    IReadOnlyList<long> Jobs,
    string? MasterNode,
    IReadOnlyList<string> OperatingSystems,
    IReadOnlyList<string> DiskTemplates,
    IReadOnlyList<string> Features)
{
    /// <summary>A node that is not the master (safe to change the role of), or null.</summary>
    public string? NonMasterNode => Nodes.FirstOrDefault(n => n != MasterNode);
}
