using System.Text.Json.Nodes;
using RapiConformance.Generation.Oracle;
using RapiConformance.Generation.Requests;
using RapiConformance.Generation.Running;

namespace RapiConformance.Generation.Stateful;

/// <summary>PUT /2/groups/{g}/rename to a fresh name: on success the group keeps its tags under the new name.</summary>
public sealed record RenameGroupStep(int Slot, string Suffix) : StatefulStep
{
    private string? _old;
    private string? _new;

    public override FuzzRequest? Build(ClusterModel model, StepNaming naming)
    {
        _old = ClusterModel.Pick(model.Groups.Keys, Slot);
        if (_old is null) return null;
        _new = naming.Fresh('g', Suffix);
        return Request("renameGroup", "PUT", "/2/groups/{group_name}/rename", P("group_name", _old), null, new JsonObject { ["new_name"] = _new });
    }

    public override Finding? Apply(ClusterModel model, FuzzRequest request, CaseOutcome outcome)
    {
        if (!Succeeded(outcome)) return null;
        var tags = model.Groups[_old!];
        model.Groups.Remove(_old!);
        model.Groups[_new!] = tags;
        return null;
    }

    public override string ToString() => $"rename group #{Slot} to a fresh name";
}
