using RapiConformance.Generation.Oracle;
using RapiConformance.Generation.Requests;
using RapiConformance.Generation.Running;

namespace RapiConformance.Generation.Stateful;

/// <summary>DELETE /2/groups/{g} of a group this run created: on success it is gone (a non-empty group must not go).</summary>
public sealed record DeleteGroupStep(int Slot) : StatefulStep
{
    private string? _name;

    public override FuzzRequest? Build(ClusterModel model, StepNaming naming)
    {
        _name = ClusterModel.Pick(model.Groups.Keys.Where(naming.Created).ToList(), Slot);
        return _name is null ? null : Request("deleteGroup", "DELETE", "/2/groups/{group_name}", P("group_name", _name));
    }

    public override Finding? Apply(ClusterModel model, FuzzRequest request, CaseOutcome outcome)
    {
        if (Succeeded(outcome)) model.Groups.Remove(_name!);
        return null;
    }

    public override string ToString() => $"delete created group #{Slot}";
}
