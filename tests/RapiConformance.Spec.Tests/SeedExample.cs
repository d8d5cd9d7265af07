using System.Text;
using System.Text.RegularExpressions;

namespace RapiConformance.Spec.Tests;

/// <summary>
/// A JSON example of a seed document with the operation it belongs to. Reads the flattened 2.0 text (one
/// paragraph per line, "Example:: {...}" inline) and the 2.5 rst (numbered lines, "``/path``" + "+++"
/// sections, "``GET``" + "~~~" subsections, indented "Example::" blocks).
/// </summary>
internal sealed partial record SeedExample(string Seed, Profile Profile, string Method, string Path, int Line, string Json, int Ordinal)
{
    public override string ToString() => $"{Seed}:{Line} #{Ordinal} {Method} {Path}";

    /// <summary>The template path with a concrete value in each [name] segment, for the path matcher.</summary>
    public string ConcretePath => BracketSegment().Replace(Path, "x1");

    public static IReadOnlyList<SeedExample> FromSeed20(string file)
    {
        var result = new List<SeedExample>();
        string? path = null;
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Replace('\u00a0', ' ');
            var header = Resource20().Match(line);
            if (header.Success) path = header.Groups[1].Value;
            else if (line.Trim() == "Cluster info.") path = "/2/info"; // the flattening lost this heading's path
            if (path is null) continue;
            foreach (Match m in ExampleMarker().Matches(line))
            {
                var json = BalancedJson(line, m.Index + m.Length);
                // The 2.0 document names cluster tags /2/instances/tags; the real resource is /2/tags.
                if (json is not null) result.Add(new SeedExample(System.IO.Path.GetFileName(file), Profile.V2_0, "GET",
                    path == "/2/instances/tags" ? "/2/tags" : path, i + 1, json, result.Count + 1));
            }
        }
        return result;
    }

    public static IReadOnlyList<SeedExample> FromSeed25(string file)
    {
        var lines = File.ReadAllLines(file).Select(l => NumberPrefix().Replace(l.Replace('\u00a0', ' '), "")).ToList();
        var result = new List<SeedExample>();
        string? path = null;
        var method = "GET";
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            var line = lines[i];
            var next = lines[i + 1];
            var section = RstPath().Match(line);
            if (section.Success && next.StartsWith("+++", StringComparison.Ordinal)) { path = section.Groups[1].Value; method = "GET"; }
            var sub = RstMethod().Match(line);
            if (sub.Success && next.StartsWith("~~~", StringComparison.Ordinal)) method = sub.Groups[1].Value;
            if (path is null || line.Trim() != "Example::") continue;
            var block = new StringBuilder();
            var j = i + 1;
            while (j < lines.Count && lines[j].Trim().Length == 0) j++;
            while (j < lines.Count && (lines[j].StartsWith(' ') || lines[j].Trim().Length == 0)) block.AppendLine(lines[j++]);
            result.Add(new SeedExample(System.IO.Path.GetFileName(file), Profile.V2_5, method, path, i + 1, StripEllipsis(block.ToString()), result.Count + 1));
        }
        return result;
    }

    private static string? BalancedJson(string text, int from)
    {
        var start = from;
        while (start < text.Length && text[start] == ' ') start++;
        if (start >= text.Length || text[start] is not ('[' or '{' or '"')) return null;
        var depth = 0;
        var inString = false;
        for (var k = start; k < text.Length; k++)
        {
            var c = text[k];
            if (inString)
            {
                if (c == '\\') k++;
                else if (c == '"') { inString = false; if (depth == 0) return text[start..(k + 1)]; }
                continue;
            }
            if (c == '"') inString = true;
            else if (c is '[' or '{') depth++;
            else if (c is ']' or '}' && --depth == 0) return StripEllipsis(text[start..(k + 1)]);
        }
        return null;
    }

    /// <summary>The documents elide list members with "...": drop those, they are not JSON.</summary>
    private static string StripEllipsis(string json) => Ellipsis().Replace(json, "");

    [GeneratedRegex(@"^(/[^\s]*) resources?\b")]
    private static partial Regex Resource20();

    [GeneratedRegex(@"Example::?")]
    private static partial Regex ExampleMarker();

    [GeneratedRegex(@"^\d+ ?")]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"^``(/[^`]*)``\s*$")]
    private static partial Regex RstPath();

    [GeneratedRegex(@"^``(GET|PUT|POST|DELETE)``\s*$")]
    private static partial Regex RstMethod();

    [GeneratedRegex(@",\s*\.\.\.")]
    private static partial Regex Ellipsis();

    [GeneratedRegex(@"\[[a-z_]+\]")]
    private static partial Regex BracketSegment();
}
