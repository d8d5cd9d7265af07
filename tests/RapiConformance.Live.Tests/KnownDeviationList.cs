using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace RapiConformance.Live.Tests;

/// <summary>
/// known-deviations/ganeti-3.0.yaml read for the fuzz results (the fuzz verb has no --known-deviations
/// option): an entry covers a failure of the same kind (check) and operation, and (when it has one) whose
/// message contains its `message`.
/// </summary>
public sealed class KnownDeviationList
{
    private readonly List<Entry> _entries;

    private KnownDeviationList(List<Entry> entries) => _entries = entries;

    public int Count => _entries.Count;

    public static KnownDeviationList Load(string file) =>
        new(new DeserializerBuilder().WithNamingConvention(HyphenatedNamingConvention.Instance).Build()
            .Deserialize<List<Entry>>(File.ReadAllText(file)) ?? []);

    /// <summary>An entry with a <c>message</c> covers only failures whose message contains it.</summary>
    public bool Covers(string check, string? operation, string? message = null) =>
        _entries.Any(e => e.Check == check && (e.Operation is null or "*" || e.Operation == operation) &&
                          (string.IsNullOrEmpty(e.Message) || message?.Contains(e.Message, StringComparison.Ordinal) == true));

    public sealed class Entry
    {
        public string Check { get; set; } = "";

        public string? Operation { get; set; }

        public string Reason { get; set; } = "";

        public string? Message { get; set; }
    }
}
