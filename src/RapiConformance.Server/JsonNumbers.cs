using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace RapiConformance.Server;

/// <summary>Numbers out of JSON nodes whatever they were made from (parsed text, int, long or double).</summary>
public static class JsonNumbers
{
    public static double Num(this JsonNode node) =>
        double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether a JSON number is what Python's json module reads as an int (digits only: "1e2" and "1.0" are
    /// floats there) and fits the 64 bits the reference server stores (Python ints have no bound; Ganeti's
    /// Haskell side has 64).
    /// </summary>
    public static bool IsInteger(this JsonNode node) => TryInteger(node, out _);

    public static bool TryInteger(this JsonNode node, out long value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.Number) return false;
        if (v.TryGetValue<long>(out value) && !node.ToJsonString().AsSpan().ContainsAny(".eE")) return true;
        var text = node.ToJsonString();
        return !text.AsSpan().ContainsAny(".eE") && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The number as a long: exact for integers, truncated for floats, saturated when out of range.</summary>
    public static long Long(this JsonNode node)
    {
        if (node.TryInteger(out var exact)) return exact;
        var d = node.Num();
        if (double.IsNaN(d)) return 0;
        return d >= 9.2233720368547758E18 ? long.MaxValue : d <= -9.2233720368547758E18 ? long.MinValue : (long)d;
    }

    /// <summary>
    /// A decimal string of digits as Ganeti's Haskell side reads an Int from it: modulo 2^64, two's complement
    /// (real Ganeti 3.0.2 answers GET /2/jobs/99999999999999999999999 for job 200376420520689663).
    /// </summary>
    public static long WrapToInt64(string digits)
    {
        if (long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var small)) return small;
        var big = BigInteger.Parse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return unchecked((long)(ulong)(big & ulong.MaxValue));
    }
}
