using System.Text.Json;
using System.Text.Json.Nodes;

namespace RapiConformance.Server.Storage;

/// <summary>JSON options for everything the state store writes and reads (one depth limit for both ways).</summary>
public static class StateJson
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = false, MaxDepth = ServerLimits.MaxStoredDepth };

    public static readonly JsonDocumentOptions Document = new() { MaxDepth = ServerLimits.MaxStoredDepth };

    public static string Write(JsonNode node) => node.ToJsonString(Options);

    public static JsonNode Parse(ReadOnlySpan<byte> utf8) => JsonNode.Parse(utf8, documentOptions: Document)
        ?? throw new InvalidDataException("the state store holds a null record");

    public static JsonNode Parse(string json) => JsonNode.Parse(json, documentOptions: Document)
        ?? throw new InvalidDataException("the state store holds a null record");
}
