using RapiConformance.Generation.Oracle;
using RapiConformance.Generation.Requests;
using RapiConformance.Generation.Running;

namespace RapiConformance.Generation.Stateful;

/// <summary>PUT or DELETE .../tags?tag=T on the cluster, an instance, a group or a network; a successful add must always succeed.</summary>
public sealed record TagStep(TagTarget Target, int Slot, string Tag, bool Add) : StatefulStep
{
    private string? _name;
    private string _tag = Tag;

    public override FuzzRequest? Build(ClusterModel model, StepNaming naming)
    {
        var (kind, param, names) = Target switch
        {
            TagTarget.Instance => ("Instance", "instance_name", (IReadOnlyCollection<string>)model.Instances.Keys),
            TagTarget.Group => ("Group", "group_name", model.Groups.Keys),
            TagTarget.Network => ("Network", "network_name", model.Networks.Keys),
            _ => ("Cluster", "", Array.Empty<string>()),
        };
        _tag = naming.Tag(Tag);
        var verb = Add ? "add" : "delete";
        var method = Add ? "PUT" : "DELETE";
        if (Target == TagTarget.Cluster)
            return Request($"{verb}ClusterTags", method, "/2/tags", new Dictionary<string, string>(), Q("tag", _tag));
        _name = ClusterModel.Pick(names, Slot);
        if (_name is null) return null;
        var plural = Target.ToString().ToLowerInvariant() + "s";
        return Request($"{verb}{kind}Tags", method, $"/2/{plural}/{{{param}}}/tags", P(param, _name), Q("tag", _tag));
    }

    public override Finding? Apply(ClusterModel model, FuzzRequest request, CaseOutcome outcome)
    {
        var ok = Succeeded(outcome);
        if (Add && !ok && outcome.Response.Status < 500)
            return new Finding("valid-request-refused", $"adding tag '{_tag}' failed: {outcome.Job?.ToString() ?? outcome.Response.Brief()}");
        if (!ok) return null;
        var tags = Target switch
        {
            TagTarget.Cluster => model.ClusterTags,
            TagTarget.Instance => model.Instances.TryGetValue(_name!, out var i) ? i.Tags : null,
            TagTarget.Group => model.Groups.GetValueOrDefault(_name!),
            _ => model.Networks.GetValueOrDefault(_name!),
        };
        if (Add) tags?.Add(_tag);
        else tags?.Remove(_tag);
        return null;
    }

    public override string ToString() => $"{(Add ? "add" : "delete")} tag '{Tag}' on {Target.ToString().ToLowerInvariant()} #{Slot}";
}

public enum TagTarget { Cluster, Instance, Group, Network }
