using RapiConformance.Generation.Oracle;
using RapiConformance.Generation.Requests;
using RapiConformance.Generation.Running;

namespace RapiConformance.Generation.Stateful;

/// <summary>PUT /2/instances/{i}/startup or /shutdown: on success admin_state becomes up or down.</summary>
public sealed record InstanceStateStep(int Slot, bool Up) : StatefulStep
{
    private string? _name;

    public override FuzzRequest? Build(ClusterModel model, StepNaming naming)
    {
        _name = ClusterModel.Pick(model.Instances.Keys, Slot);
        if (_name is null) return null;
        return Up
            ? Request("startupInstance", "PUT", "/2/instances/{instance_name}/startup", P("instance_name", _name))
            : Request("shutdownInstance", "PUT", "/2/instances/{instance_name}/shutdown", P("instance_name", _name));
    }

    public override Finding? Apply(ClusterModel model, FuzzRequest request, CaseOutcome outcome)
    {
        if (Succeeded(outcome) && _name is not null && model.Instances.TryGetValue(_name, out var i))
            model.Instances[_name] = i with { AdminState = Up ? "up" : "down" };
        return null;
    }

    public override string ToString() => $"{(Up ? "start" : "shut down")} instance #{Slot}";
}
