using RapiConformance.Generation.Oracle;
using RapiConformance.Generation.Requests;
using RapiConformance.Generation.Running;

namespace RapiConformance.Generation.Stateful;

/// <summary>DELETE /2/networks/{n} of a network this run created: on success it is gone.</summary>
public sealed record DeleteNetworkStep(int Slot) : StatefulStep
{
    private string? _name;

    public override FuzzRequest? Build(ClusterModel model, StepNaming naming)
    {
        _name = ClusterModel.Pick(model.Networks.Keys.Where(naming.Created).ToList(), Slot);
        return _name is null ? null : Request("deleteNetwork", "DELETE", "/2/networks/{network_name}", P("network_name", _name));
    }

    public override Finding? Apply(ClusterModel model, FuzzRequest request, CaseOutcome outcome)
    {
        if (Succeeded(outcome)) model.Networks.Remove(_name!);
        return null;
    }

    public override string ToString() => $"delete created network #{Slot}";
}
