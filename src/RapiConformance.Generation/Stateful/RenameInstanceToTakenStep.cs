using System.Text.Json.Nodes;
using RapiConformance.Generation.Oracle;
using RapiConformance.Generation.Requests;
using RapiConformance.Generation.Running;

namespace RapiConformance.Generation.Stateful;

/// <summary>A negative step: renaming an instance to the name of another one must be refused and change nothing.</summary>
public sealed record RenameInstanceToTakenStep(int Slot, int Other) : StatefulStep
{
    public override FuzzRequest? Build(ClusterModel model, StepNaming naming)
    {
        if (model.Instances.Count < 2) return null;
        var from = ClusterModel.Pick(model.Instances.Keys, Slot)!;
        var to = ClusterModel.Pick(model.Instances.Keys.Where(n => n != from).ToList(), Other)!;
        return Request("renameInstance", "PUT", "/2/instances/{instance_name}/rename", P("instance_name", from), null,
            new JsonObject { ["new_name"] = to, ["name_check"] = false, ["ip_check"] = false }, Expectation.Robust);
    }

    public override Finding? Apply(ClusterModel model, FuzzRequest request, CaseOutcome outcome) =>
        Succeeded(outcome)
            ? new Finding(FailureKind.InvalidInputAccepted, $"renaming {request.PathValues["instance_name"]} to the name of an existing instance succeeded")
            : null;

    public override string ToString() => $"rename instance #{Slot} to the name of instance #{Other} (must be refused)";
}
