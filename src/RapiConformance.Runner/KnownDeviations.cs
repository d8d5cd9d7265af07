using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace RapiConformance.Runner;

/// <summary>
/// Expected failures of a particular target (for example real Ganeti 3.0's 500 on PUT /2/modify without a
/// body). A matching failure is reported apart and does not fail the run, so a CI gate fails only on new ones.
/// </summary>
public sealed class KnownDeviations
{
    /// <summary>An expected failure; with <see cref="Message"/> only failures whose message contains that text.</summary>
    public sealed record Entry(string Check, string? Operation, string Reason, string? Message = null);

    public KnownDeviations(IReadOnlyList<Entry> entries) => Entries = entries;

    public IReadOnlyList<Entry> Entries { get; }

    public static KnownDeviations None { get; } = new([]);

    /// <summary>The known-deviation files built into the tool (from the repository's known-deviations/), by name.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = typeof(KnownDeviations).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".yaml".Length]).Order(StringComparer.Ordinal).ToList();

    private const string ResourcePrefix = "known-deviations.";

    /// <summary>
    /// A file (a YAML list of {check, operation (optional, "*" for any), message (optional: a text the failure
    /// message contains), reason}), or the name of a built-in one (<see cref="BuiltIn"/>, e.g. "ganeti-3.0").
    /// An existing file wins over a built-in name.
    /// </summary>
    public static KnownDeviations Load(string pathOrName)
    {
        if (File.Exists(pathOrName)) return Parse(File.ReadAllText(pathOrName), pathOrName);
        var name = pathOrName.EndsWith(".yaml", StringComparison.Ordinal) ? Path.GetFileNameWithoutExtension(pathOrName) : pathOrName;
        using var stream = pathOrName.Contains('/', StringComparison.Ordinal) ? null
            : typeof(KnownDeviations).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".yaml");
        if (stream is null)
            throw new FileNotFoundException($"known-deviations file not found: {pathOrName} (built in: {string.Join(", ", BuiltIn)})", pathOrName);
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "built-in " + name);
    }

    private static KnownDeviations Parse(string yaml, string source)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(HyphenatedNamingConvention.Instance).Build();
        var raw = deserializer.Deserialize<List<EntryFile>?>(yaml) ?? [];
        return new KnownDeviations(raw.Select(e => new Entry(
            e.Check ?? throw new InvalidDataException($"{source}: an entry has no 'check'"),
            e.Operation is null or "*" ? null : e.Operation,
            e.Reason ?? "",
            string.IsNullOrEmpty(e.Message) ? null : e.Message)).ToList());
    }

    public Entry? Match(string check, string? operation, string? message = null) =>
        Entries.FirstOrDefault(e => e.Check == check && (e.Operation is null || e.Operation == operation) &&
                                    (e.Message is null || message?.Contains(e.Message, StringComparison.Ordinal) == true));

    private sealed class EntryFile
    {
        public string? Check { get; set; }
        public string? Operation { get; set; }
        public string? Reason { get; set; }
        public string? Message { get; set; }
    }
}
