using System.Text.Json.Nodes;

namespace RapiConformance.Server.Cluster;

/// <summary>A job filter rule (3.0). Its name is its UUID.</summary>
public sealed class Filter : Entity
{
    public override EntityKind Kind => EntityKind.Filter;

    public long Watermark { get; set; }

    public long Priority { get; set; }

    public JsonArray Predicates { get; set; } = [];

    public JsonNode? Action { get; set; } = JsonValue.Create("CONTINUE");

    public JsonArray ReasonTrail { get; set; } = [];
}
