using System.Text.Json.Nodes;
using RapiConformance.Generation.Oracle;
using RapiConformance.Generation.Requests;
using RapiConformance.Generation.Running;

namespace RapiConformance.Generation.Stateful;

/// <summary>PUT /2/nodes/{n}/role (a JSON string body) on a node that is not the master: on success the role is the one set.</summary>
public sealed record NodeRoleStep(int Slot, string Role) : StatefulStep
{
    private string? _node;

    public override FuzzRequest? Build(ClusterModel model, StepNaming naming)
    {
        _node = ClusterModel.Pick(model.NodeRoles.Where(kv => kv.Value != "master").Select(kv => kv.Key).ToList(), Slot);
        return _node is null ? null : Request("setNodeRole", "PUT", "/2/nodes/{node_name}/role", P("node_name", _node), Q("force", "1"), JsonValue.Create(Role));
    }

    public override Finding? Apply(ClusterModel model, FuzzRequest request, CaseOutcome outcome)
    {
        if (Succeeded(outcome)) model.NodeRoles[_node!] = Role;
        return null;
    }

    public override string ToString() => $"set the role of non-master node #{Slot} to {Role}";
}
