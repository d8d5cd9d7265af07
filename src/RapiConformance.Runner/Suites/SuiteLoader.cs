using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace RapiConformance.Runner;

/// <summary>Reads suites/*.yaml: a built-in name (smoke, readonly, full) or a path to a file.</summary>
public static class SuiteLoader
{
    public static IReadOnlyList<string> BuiltIn => ["smoke", "readonly", "full"];

    public static Suite Load(string nameOrPath)
    {
        if (File.Exists(nameOrPath)) return Parse(File.ReadAllText(nameOrPath), Path.GetFileNameWithoutExtension(nameOrPath));
        using var stream = typeof(SuiteLoader).Assembly.GetManifestResourceStream($"suites.{nameOrPath}.yaml")
            ?? throw new ArgumentException($"unknown suite '{nameOrPath}' (expected {string.Join(", ", BuiltIn)} or a YAML file)");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), nameOrPath);
    }

    public static Suite Parse(string yaml, string fallbackName)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(HyphenatedNamingConvention.Instance).Build();
        var raw = deserializer.Deserialize<SuiteFile?>(yaml) ?? new SuiteFile();
        return new Suite
        {
            Name = raw.Name ?? fallbackName,
            Description = raw.Description ?? "",
            Writes = raw.Writes,
            Checks = raw.Checks ?? ["*"],
            Disabled = raw.Disabled ?? [],
            Operations = raw.Operations ?? ["*"],
            Examples = raw.Examples ?? 3,
            Concurrency = raw.Concurrency ?? 4,
            TimeLimitSeconds = raw.TimeLimitSeconds ?? 300,
            RequestTimeoutSeconds = raw.RequestTimeoutSeconds ?? 30,
            JobTimeoutSeconds = raw.JobTimeoutSeconds ?? 60,
        };
    }

    /// <summary>The YAML shape (mutable for the deserializer; turned into an immutable <see cref="Suite"/>).</summary>
    private sealed class SuiteFile
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public bool Writes { get; set; }
        public List<string>? Checks { get; set; }
        public List<string>? Disabled { get; set; }
        public List<string>? Operations { get; set; }
        public int? Examples { get; set; }
        public int? Concurrency { get; set; }
        public int? TimeLimitSeconds { get; set; }
        public int? RequestTimeoutSeconds { get; set; }
        public int? JobTimeoutSeconds { get; set; }
    }
}
