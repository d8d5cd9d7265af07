using System.Text.Json.Nodes;
using RapiConformance.Generation.Oracle;
using RapiConformance.Generation.Requests;
using RapiConformance.Generation.Running;

namespace RapiConformance.Generation.Stateful;

/// <summary>POST /2/groups with a fresh name: on success the group exists with no tags.</summary>
public sealed record CreateGroupStep(string Suffix) : StatefulStep
{
    private string? _name;

    public override FuzzRequest? Build(ClusterModel model, StepNaming naming)
    {
        _name = naming.Fresh('g', Suffix);
        return Request("createGroup", "POST", "/2/groups", new Dictionary<string, string>(), null, new JsonObject { ["group_name"] = _name });
    }

    public override Finding? Apply(ClusterModel model, FuzzRequest request, CaseOutcome outcome)
    {
        if (Succeeded(outcome)) model.Groups[_name!] = new SortedSet<string>(StringComparer.Ordinal);
        return null;
    }

    public override string ToString() => "create a group with a fresh name";
}
