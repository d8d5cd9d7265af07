using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace RapiConformance.Differential;

/// <summary>The differences a person has accepted, read from a YAML list of <see cref="AllowListEntry"/>.</summary>
public sealed class AllowList
{
    private readonly IReadOnlyList<(AllowListEntry Entry, Regex Path)> _entries;

    public AllowList(IEnumerable<AllowListEntry> entries) =>
        _entries = entries.Select(e => (e, Glob(e.Path))).ToList();

    public static readonly AllowList Empty = new([]);

    public int Count => _entries.Count;

    public static AllowList Load(string file)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance)
            .IgnoreUnmatchedProperties().Build();
        var entries = deserializer.Deserialize<List<AllowListEntry>>(File.ReadAllText(file)) ?? [];
        foreach (var e in entries.Where(e => string.IsNullOrWhiteSpace(e.Reason)))
        {
            throw new InvalidDataException($"{file}: the entry for {e.Operation} {e.Kind} {e.Path} has no reason");
        }
        return new AllowList(entries);
    }

    /// <summary>The reason of the first entry that covers the difference, or null.</summary>
    public string? Explain(Difference difference)
    {
        foreach (var (entry, path) in _entries)
        {
            if ((entry.Operation == "*" || entry.Operation == difference.OperationId)
                && (entry.Kind == "*" || string.Equals(entry.Kind, difference.Kind.ToString(), StringComparison.OrdinalIgnoreCase))
                && (entry.Step.Length == 0 || string.Equals(entry.Step, difference.StepId, StringComparison.Ordinal))
                && path.IsMatch(difference.Path))
            {
                return "allow-list: " + entry.Reason;
            }
        }
        return null;
    }

    private static Regex Glob(string glob) =>
        string.IsNullOrEmpty(glob)
            ? new Regex(".*", RegexOptions.Singleline)
            : new Regex("^" + Regex.Escape(glob).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.Singleline);
}
