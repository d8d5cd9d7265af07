using System.Globalization;
using System.Text;

namespace RapiConformance.Server.Http;

/// <summary>Python's urllib.parse.parse_qs (blank values dropped) and the int() parsing of RAPI bools.</summary>
public static class QueryString
{
    public static Dictionary<string, List<string>> Parse(string? query)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(query)) return result;
        if (query[0] == '?') query = query[1..];
        foreach (var pair in query.Split('&'))
        {
            if (pair.Length == 0) continue;
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0) continue;
            var name = Decode(pair[..eq]);
            var value = Decode(pair[(eq + 1)..]);
            if (value.Length == 0) continue;
            if (!result.TryGetValue(name, out var list)) result[name] = list = [];
            list.Add(value);
        }
        return result;
    }

    public static bool ParseRapiBool(string name, string value)
    {
        var s = value.Trim().Replace("_", "", StringComparison.Ordinal);
        if (!long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || value.Contains("__", StringComparison.Ordinal))
            throw RapiException.BadRequest($"Invalid value for the '{name}' parameter");
        return n != 0;
    }

    private static string Decode(string s)
    {
        s = s.Replace('+', ' ');
        if (!s.Contains('%', StringComparison.Ordinal)) return s;
        var bytes = new List<byte>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%' && i + 2 < s.Length && byte.TryParse(s.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(s[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
