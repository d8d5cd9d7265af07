using System.Text.Json.Nodes;
using RapiConformance.Generation.Oracle;
using RapiConformance.Generation.Requests;
using RapiConformance.Generation.Running;

namespace RapiConformance.Generation.Stateful;

/// <summary>PUT /2/instances/{i}/rename to a fresh name: on success the instance keeps its state and tags under the new name.</summary>
public sealed record RenameInstanceStep(int Slot, string Suffix) : StatefulStep
{
    private string? _old;
    private string? _new;

    public override FuzzRequest? Build(ClusterModel model, StepNaming naming)
    {
        _old = ClusterModel.Pick(model.Instances.Keys, Slot);
        if (_old is null) return null;
        _new = naming.Fresh('i', Suffix);
        return Request("renameInstance", "PUT", "/2/instances/{instance_name}/rename", P("instance_name", _old), null,
            new JsonObject { ["new_name"] = _new, ["name_check"] = false, ["ip_check"] = false });
    }

    public override Finding? Apply(ClusterModel model, FuzzRequest request, CaseOutcome outcome)
    {
        if (!Succeeded(outcome) || _old is null || _new is null) return null;
        var instance = model.Instances[_old];
        model.Instances.Remove(_old);
        model.Instances[_new] = instance;
        return null;
    }

    public override string ToString() => $"rename instance #{Slot} to a fresh name";
}
