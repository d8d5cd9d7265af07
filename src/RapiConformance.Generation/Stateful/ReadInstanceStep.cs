using System.Text.Json;
using RapiConformance.Generation.Oracle;
using RapiConformance.Generation.Requests;
using RapiConformance.Generation.Running;

namespace RapiConformance.Generation.Stateful;

/// <summary>GET /2/instances/{i}: the single view must agree with the model (admin state, tags).</summary>
public sealed record ReadInstanceStep(int Slot) : StatefulStep
{
    private string? _name;

    public override bool IsRead => true;

    public override FuzzRequest? Build(ClusterModel model, StepNaming naming)
    {
        _name = ClusterModel.Pick(model.Instances.Keys, Slot);
        return _name is null ? null : Request("getInstance", "GET", "/2/instances/{instance_name}", P("instance_name", _name));
    }

    public override Finding? Apply(ClusterModel model, FuzzRequest request, CaseOutcome outcome)
    {
        if (outcome.Response.Status != 200) return new Finding(FailureKind.StateMismatch, $"GET of instance {_name}, listed by the target, answered {outcome.Response.Status}");
        using var doc = JsonDocument.Parse(outcome.Response.ResponseBody);
        var expected = model.Instances[_name!];
        if (doc.RootElement.TryGetProperty("admin_state", out var s) && s.ValueKind == JsonValueKind.String && expected.AdminState is { } a && s.GetString() != a)
            return new Finding(FailureKind.StateMismatch, $"instance {_name}: single GET says admin_state '{s.GetString()}', the list said '{a}'");
        if (doc.RootElement.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Array)
        {
            var tags = t.EnumerateArray().Select(x => x.ToString()).Order(StringComparer.Ordinal);
            if (!tags.SequenceEqual(expected.Tags, StringComparer.Ordinal))
                return new Finding(FailureKind.StateMismatch, $"instance {_name}: single GET tags differ from the list's");
        }
        return null;
    }

    public override string ToString() => $"read instance #{Slot}";
}
