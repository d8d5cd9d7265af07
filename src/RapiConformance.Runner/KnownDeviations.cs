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

    /// <summary>A YAML list of {check, operation (optional, "*" for any), message (optional: a text the failure message contains), reason}.</summary>
    public static KnownDeviations Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"known-deviations file not found: {path}", path);
        var deserializer = new DeserializerBuilder().WithNamingConvention(HyphenatedNamingConvention.Instance).Build();
        var raw = deserializer.Deserialize<List<EntryFile>?>(File.ReadAllText(path)) ?? [];
        return new KnownDeviations(raw.Select(e => new Entry(
            e.Check ?? throw new InvalidDataException($"{path}: an entry has no 'check'"),
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
