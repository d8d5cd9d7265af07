using System.Globalization;
using System.Text.Json.Nodes;

namespace RapiConformance.Server;

/// <summary>Numbers out of JSON nodes whatever they were made from (parsed text, int, long or double).</summary>
public static class JsonNumbers
{
    public static double Num(this JsonNode node) =>
        double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static long Long(this JsonNode node) => (long)node.Num();
}
