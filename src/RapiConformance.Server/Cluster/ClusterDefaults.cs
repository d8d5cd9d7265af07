using System.Text.Json.Nodes;

namespace RapiConformance.Server.Cluster;

/// <summary>
/// Values taken from a real Ganeti 3.0.2 (reference samples): the /2/info parameter set, group policy and
/// disk parameters, and the query field definitions.
/// </summary>
public sealed class ClusterDefaults
{
    private readonly JsonObject _root;

    private ClusterDefaults(JsonObject root) => _root = root;

    public static ClusterDefaults Load()
    {
        using var s = typeof(ClusterDefaults).Assembly.GetManifestResourceStream("cluster-defaults.json")
            ?? throw new InvalidOperationException("cluster-defaults.json is missing");
        return new ClusterDefaults((JsonObject)JsonNode.Parse(s)!);
    }

    public JsonObject Info => (JsonObject)_root["info"]!.DeepClone();

    public JsonObject GroupIpolicy => (JsonObject)_root["group"]!["ipolicy"]!.DeepClone();

    public JsonObject GroupDiskParams => (JsonObject)_root["group"]!["diskparams"]!.DeepClone();

    public JsonObject NdParams => (JsonObject)_root["node_ndparams"]!.DeepClone();

    /// <summary>Field definitions ({name,title,kind,doc}) a real cluster reported for a query resource, if captured.</summary>
    public JsonArray? QueryFields(string resource) => _root["query_fields"]?[resource]?.DeepClone() as JsonArray;
}
