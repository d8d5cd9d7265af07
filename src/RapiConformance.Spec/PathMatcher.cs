using System.Text.RegularExpressions;

namespace RapiConformance.Spec;

/// <summary>
/// Matches concrete request paths to the spec's path templates the way Ganeti's router does: literal
/// segments win over parameters, parameters match their schema pattern, and the path is not URL-decoded.
/// </summary>
public sealed class PathMatcher
{
    private readonly List<Template> _templates;

    public PathMatcher(IEnumerable<OperationSpec> operations)
    {
        _templates = operations
            .GroupBy(o => o.PathTemplate, StringComparer.Ordinal)
            .Select(g => Template.Create(g.Key, g.ToList()))
            .OrderByDescending(t => t.LiteralCount)
            .ThenBy(t => t.Text, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Finds the operation for a method and a path (the part before '?').</summary>
    public RouteMatch Match(string method, string path, Profile? profile = null)
    {
        var q = path.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0) path = path[..q];
        var segments = Split(path);
        if (segments is null) return RouteMatch.NotFound;

        foreach (var template in _templates)
        {
            var values = template.TryMatch(segments);
            if (values is null) continue;
            var inProfile = template.Operations.Where(o => profile is null || o.InProfile(profile)).ToList();
            if (inProfile.Count == 0) continue;
            var op = inProfile.FirstOrDefault(o => string.Equals(o.Method, method, StringComparison.OrdinalIgnoreCase));
            return new RouteMatch(true, template.Text, op, values, inProfile.Select(o => o.Method).ToList());
        }
        return RouteMatch.NotFound;
    }

    private static string[]? Split(string path)
    {
        if (path.Length == 0 || path[0] != '/') return null;
        if (path == "/") return [];
        // Ganeti's router refuses empty segments ("//", trailing "/"): they match nothing.
        var parts = path[1..].Split('/');
        return parts.Any(p => p.Length == 0) ? null : parts;
    }

    private sealed record Segment(string? Literal, string? Name, Regex? Pattern);

    private sealed record Template(string Text, Segment[] Segments, List<OperationSpec> Operations)
    {
        public int LiteralCount => Segments.Count(s => s.Literal is not null);

        public static Template Create(string text, List<OperationSpec> ops)
        {
            var parts = text == "/" ? [] : text[1..].Split('/');
            var segments = parts.Select(p =>
            {
                if (!p.StartsWith('{')) return new Segment(p, null, null);
                var name = p[1..^1];
                var pattern = ops.SelectMany(o => o.PathParameters).FirstOrDefault(x => x.Name == name)?.Schema.Pattern;
                var regex = new Regex("^(?:" + (string.IsNullOrEmpty(pattern) ? "[^/]+" : pattern.TrimStart('^').TrimEnd('$')) + ")$",
                    RegexOptions.CultureInvariant);
                return new Segment(null, name, regex);
            }).ToArray();
            return new Template(text, segments, ops);
        }

        public Dictionary<string, string>? TryMatch(string[] parts)
        {
            if (parts.Length != Segments.Length) return null;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < parts.Length; i++)
            {
                var s = Segments[i];
                if (s.Literal is not null)
                {
                    if (!string.Equals(s.Literal, parts[i], StringComparison.Ordinal)) return null;
                }
                else
                {
                    if (!s.Pattern!.IsMatch(parts[i])) return null;
                    values[s.Name!] = parts[i];
                }
            }
            return values;
        }
    }
}
