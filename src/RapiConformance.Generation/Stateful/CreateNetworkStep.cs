using System.Text.Json.Nodes;
using RapiConformance.Generation.Oracle;
using RapiConformance.Generation.Requests;
using RapiConformance.Generation.Running;

namespace RapiConformance.Generation.Stateful;

/// <summary>POST /2/networks with a fresh name and a 10.x.y.0/24 range: on success the network exists with no tags.</summary>
public sealed record CreateNetworkStep(string Suffix, int Octet) : StatefulStep
{
    private string? _name;

    public override FuzzRequest? Build(ClusterModel model, StepNaming naming)
    {
        _name = naming.Fresh('n', Suffix);
        return Request("createNetwork", "POST", "/2/networks", new Dictionary<string, string>(), null,
            new JsonObject { ["network_name"] = _name, ["network"] = $"10.{Octet % 250}.{Octet / 250 % 250}.0/24" });
    }

    public override Finding? Apply(ClusterModel model, FuzzRequest request, CaseOutcome outcome)
    {
        if (Succeeded(outcome)) model.Networks[_name!] = new SortedSet<string>(StringComparer.Ordinal);
        return null;
    }

    public override string ToString() => "create a network with a fresh name";
}
